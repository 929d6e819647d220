using RootCause.Contracts;
using RootCause.Evaluation.PetShop;
using RootCause.Evaluation.PetShop.Scoring;
using RootCause.Evaluation.Scoring;

namespace RootCause.Evaluation.Tests.PetShop;

public sealed class ScoringTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1681857000);

    private static RankedCause Cause(int rank, EntityKind kind, string name) =>
        new(rank, new EntityRef(kind, name), 1.0 / rank, "test", "Test", [], [], null);

    private static RootCauseReport Report(AnalysisOutcome outcome, params RankedCause[] causes) =>
        new(Guid.Empty, new Symptom("web", Kpis.Latency, null, T0, "petshop"), outcome, "", causes, [], new DrillDownResult(Kpis.Latency, [], ""), new TimeWindow(T0, T0), T0);

    private static IssueOutcome Issue(string scenario, string metric, string truth, params string[] candidates) =>
        new(scenario, "test", "issue_0", "web", metric, truth, truth, candidates, AnalysisOutcome.RootCauseFound, [], null);

    [Fact]
    public void Entities_map_to_their_services_in_rank_order_without_repeats()
    {
        var graph = PetShopMapping.Topology(GraphReader.Read(Fixture.Path("graph_good.csv")));
        var report = Report(
            AnalysisOutcome.RootCauseFound,
            Cause(3, EntityKind.NetworkEdge, "api/0 -> db_AWS::DynamoDB::Table/0"),
            Cause(1, EntityKind.Instance, "api/0"),
            Cause(2, EntityKind.Service, "api"),
            Cause(4, EntityKind.Node, "web"),
            Cause(5, EntityKind.CallEdge, "web -> api"));

        Assert.Equal(["api", "db_AWS::DynamoDB::Table", "web"], RankedServices.Services(report, graph));
    }

    [Fact]
    public void Top_k_recall_counts_the_truth_among_the_first_k_services()
    {
        IssueOutcome[] issues =
        [
            Issue("low_traffic", "latency", "a", "a", "b", "c"),
            Issue("low_traffic", "latency", "b", "a", "b", "c"),
            Issue("low_traffic", "latency", "d", "a", "b", "c", "d"),
            Issue("low_traffic", "latency", "e"),
            Issue("low_traffic", "latency", "a", "a") with { TruthComponent = null },
            Issue("high_traffic", "availability", "c", "a", "b", "c"),
            Issue("temporal_traffic1", "latency", "a", "a"),
            Issue("temporal_traffic2", "latency", "a", "b"),
        ];

        var rows = ScoreTable.Build(issues, []);

        var low = rows.Single(r => r.Group == "low_traffic" && r.Metric == "latency");
        Assert.Equal(new Ratio(1, 5), low.Top1);
        Assert.Equal(new Ratio(2, 5), low.Top3);
        Assert.Equal(0.571, low.PublishedTop1);
        Assert.Null(low.Specificity);
        var temporal = rows.Single(r => r.Group == "temporal" && r.Metric == "latency");
        Assert.Equal(new Ratio(1, 2), temporal.Top1);
        var overall = rows.Single(r => r.Group == ScoreTable.Overall);
        Assert.Equal(new Ratio(1, 6), overall.Top1);
        Assert.Equal(new Ratio(3, 6), overall.Top3);
        Assert.Null(overall.PublishedTop1);
        Assert.Equal(7, rows.Count);
        Assert.Equal(4, issues[2].TruthRank);
    }

    [Fact]
    public void Specificity_counts_analyses_that_name_no_cause()
    {
        SpecificityCheck Check(AnalysisOutcome? outcome, int causes, string? error = null) => new("low_traffic", "web", "latency", T0, outcome, causes, error);
        SpecificityCheck[] checks =
        [
            Check(AnalysisOutcome.NoAnomaly, 0),
            Check(AnalysisOutcome.Inconclusive, 2),
            Check(AnalysisOutcome.RootCauseFound, 0),
            Check(AnalysisOutcome.RootCauseFound, 2),
            Check(null, 0, "boom"),
            Check(AnalysisOutcome.NoAnomaly, 0) with { Metric = "availability" },
        ];

        var rows = ScoreTable.Build([], checks);

        Assert.Equal(new Ratio(3, 5), rows.Single(r => r.Group == "low_traffic" && r.Metric == "latency").Specificity);
        Assert.Equal(new Ratio(1, 1), rows.Single(r => r.Group == "low_traffic" && r.Metric == "availability").Specificity);
        Assert.Equal(new Ratio(4, 6), rows.Single(r => r.Group == ScoreTable.Overall).Specificity);
        Assert.Equal("4/6 = 0.667", new Ratio(4, 6).ToString());
    }

    [Fact]
    public void The_text_table_shows_ours_beside_the_published_figures()
    {
        var text = ScoreTable.ToText(ScoreTable.Build([Issue("high_traffic", "latency", "a", "b", "a")], []));

        Assert.Contains("high_traffic        latency       0/1 = 0.000      0.571      1/1 = 1.000      0.786", text, StringComparison.Ordinal);
        Assert.Contains(PublishedBaseline.Citation, text, StringComparison.Ordinal);
    }
}
