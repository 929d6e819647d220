using RootCause.Analysis;
using RootCause.Bundles;
using RootCause.Contracts;
using RootCause.Evaluation.Nezha;
using RootCause.Evaluation.Scoring;

namespace RootCause.Evaluation.Tests.Nezha;

public sealed class NezhaScoringTests
{
    private static readonly DateTimeOffset T0 = new(2022, 8, 22, 4, 0, 0, TimeSpan.Zero);

    private static NezhaFaultOutcome Outcome(string system, string type, string truth, string[] ours, params string[] trivial) => new(
        system,
        "day",
        new NezhaFault(T0, "", 0, truth + "-579f59597d-wc2lz", truth, type, 1),
        30,
        ours,
        AnalysisOutcome.RootCauseFound,
        [],
        null,
        [.. trivial.Select((s, i) => new ServiceDeviation(s, 100 - i, s + " CpuUsage(m)"))]);

    [Fact]
    public void Ac_at_k_counts_ranks_up_to_k_and_avg5_is_their_mean()
    {
        var accuracy = AccuracyAtK.Of([1, 2, null, 4, 6]);

        Assert.Equal(5, accuracy.Faults);
        Assert.Equal([1, 2, 2, 3, 3], accuracy.Hits);
        Assert.Equal(new Ratio(1, 5), accuracy.At(1));
        Assert.Equal(0.4, accuracy.Ac3, 12);
        Assert.Equal(0.6, accuracy.Ac5, 12);
        Assert.Equal((0.2 + 0.4 + 0.4 + 0.6 + 0.6) / 5, accuracy.Avg5, 12);
        Assert.True(double.IsNaN(AccuracyAtK.Of([]).Avg5));
    }

    [Fact]
    public void The_table_has_a_row_per_system_and_fault_type_and_one_over_the_system()
    {
        NezhaFaultOutcome[] outcomes =
        [
            Outcome("OB", "cpu_contention", "cart", ["cart", "web"], "web", "cart"),
            Outcome("OB", "cpu_contention", "web", ["cart", "web"], "web"),
            Outcome("OB", "network_delay", "cart", [], "a", "b", "c", "d", "e", "cart"),
            Outcome("TT", "return", "x", ["y", "z", "x"]),
        ];

        var rows = NezhaScoreTable.Build(outcomes);

        Assert.Equal(["OB cpu_contention", "OB network_delay", "OB all", "TT return", "TT all"], rows.Select(r => $"{r.System} {r.FaultType}"));
        var cpu = rows[0];
        Assert.Equal(2, cpu.Faults);
        Assert.Equal([1, 2, 2, 2, 2], cpu.Ours.Hits);
        Assert.Equal([1, 2, 2, 2, 2], cpu.Trivial.Hits);
        var ob = rows[2];
        Assert.Equal(3, ob.Faults);
        Assert.Equal(new Ratio(1, 3), ob.Ours.At(1));
        Assert.Equal(new Ratio(2, 3), ob.Trivial.At(5)); // "cart" ranked 6th by the trivial rule is a miss at 5
        Assert.Equal(new Ratio(1, 1), rows[3].Ours.At(3));
        Assert.Equal(new Ratio(0, 1), rows[3].Ours.At(2));
        Assert.Equal(3, outcomes[3].Rank);
        Assert.Null(outcomes[3].TrivialRank);

        var text = NezhaScoreTable.ToText(rows);
        Assert.Contains("OB     all               3    0.333  0.667  0.667  0.600    0.333  0.667  0.667  0.600", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trivial_rule_ranks_the_service_whose_series_moved_most_in_robust_deviations()
    {
        (string, string, IReadOnlyList<double>, IReadOnlyList<double>)[] series =
        [
            ("quiet", "quiet cpu", [1.0, 1.1, 0.9, 1.0, 1.05, 0.95], [1.02, 1.08]),
            ("loud", "loud cpu", [10.0, 11, 9, 10, 10.5, 9.5], [12.0, 30]),
            ("loud", "loud memory", [100.0, 100, 100, 100], [101.0]),
            ("flat", "flat errors", [0.0, 0, 0, 0], [0.5]),
            ("thin", "thin cpu", [1.0, 2], [50.0]),
            ("idle", "idle cpu", [1.0, 1, 1], [double.NaN]),
        ];

        var ranked = LargestDeviationRule.Rank(series);

        // loud: median 10, MAD 0.5 → spread 0.7413; 30 is 27 spreads away (its memory: 1 / (1% of 100) = 1).
        Assert.Equal(["flat", "loud", "quiet"], ranked.Select(r => r.Service));
        Assert.Equal(20 / (0.5 * LargestDeviationRule.MadToSigma), ranked[1].Deviation, 9);
        Assert.Equal("loud cpu", ranked[1].Series);

        // A flat zero history: the absolute floor guards the division; any move then ranks first.
        Assert.Equal(0.5 / LargestDeviationRule.AbsoluteSpreadFloor, ranked[0].Deviation, 3);
        Assert.True(double.IsNaN(LargestDeviationRule.Deviation([1.0, 2], [50.0]))); // too little history
    }

    [Fact]
    public void The_evaluator_analyses_every_fault_through_a_bundle_and_runs_the_trivial_rule_beside_it()
    {
        var day = NezhaDay.Load(NezhaFixture.ObDay);
        var analyzer = new RootCauseAnalyzer(ShippedFaultTrees.Load(), NezhaEvaluationSettings.OneMinuteOptions, TimeProvider.System);
        var bundles = new List<(string Id, IncidentBundle Bundle)>();

        var result = new NezhaEvaluator(analyzer, NezhaEvaluationSettings.Default, bundles: (id, b) => bundles.Add((id, b))).Run(new NezhaDataset("fixture", [day]));

        var outcome = Assert.Single(result.Faults);
        Assert.Null(outcome.Error);
        Assert.Equal(7, outcome.HistoryIntervals); // the day starts at 03:50, the fault at 03:57:30
        Assert.Equal(1, outcome.TrivialRank);
        Assert.Equal("cartservice", outcome.Trivial[0].Service);

        // The entry's latency never moves in this fixture: no anomaly to explain. Whatever leads the analyzer
        // still ranks, the CPU-starved cart comes first.
        Assert.Equal(AnalysisOutcome.NoAnomaly, outcome.Outcome);
        Assert.True(outcome.Rank is null or 1, $"cartservice ranked {outcome.Rank} among {string.Join(", ", outcome.Candidates)}");

        var (id, bundle) = Assert.Single(bundles);
        Assert.Equal("2022-08-22-035730-cartservice", id);
        Assert.Equal(new GroundTruth(EntityKind.Service, "cartservice", "cpu_saturation", day.Faults[0].At), bundle.Truth);
        Assert.Equal(new Symptom("frontend", Kpis.Latency, null, day.Faults[0].At, "nezha", "frontend latency"), bundle.Alert);
        Assert.Equal(20, bundle.Batches.Count); // 03:50..03:59: the whole fixture lies inside [03:27, 04:01)
    }

    [Fact]
    public void The_windows_stop_before_the_next_injection_minute()
    {
        var day = NezhaDay.Load(NezhaFixture.ObDay);
        var next = day.Faults[0] with { At = day.Faults[0].At.AddSeconds(100), Type = "network_delay" }; // 03:59:10
        day = day with { Faults = [day.Faults[0], next] };
        var analyzer = new RootCauseAnalyzer(ShippedFaultTrees.Load(), NezhaEvaluationSettings.OneMinuteOptions, TimeProvider.System);
        var bundles = new List<IncidentBundle>();

        var result = new NezhaEvaluator(analyzer, NezhaEvaluationSettings.Default, bundles: (_, b) => bundles.Add(b)).Run(new NezhaDataset("fixture", [day]));

        Assert.Equal(2, result.Faults.Count);
        Assert.Equal(new DateTimeOffset(2022, 8, 22, 3, 58, 0, TimeSpan.Zero), bundles[0].Batches.Max(b => b.IntervalStart));
        Assert.Equal(18, bundles[0].Batches.Count);
        Assert.Equal(20, bundles[1].Batches.Count);
        Assert.Equal(9, result.Faults[1].HistoryIntervals);
    }
}
