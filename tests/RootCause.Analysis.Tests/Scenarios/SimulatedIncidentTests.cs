using System.Globalization;
using RootCause.Contracts;
using RootCause.Simulation;

namespace RootCause.Analysis.Tests.Scenarios;

/// <summary>
/// Every fault class of the default tree, injected by the simulator into a system of at least 20 services:
/// the analyzer, which sees only metrics, topology and the alert, must rank the injected place first with
/// the injected class.
/// </summary>
public sealed class SimulatedIncidentTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero));

    public static TheoryData<FaultKind, int> Incidents()
    {
        var data = new TheoryData<FaultKind, int>();
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            foreach (var seed in new[] { 7, 21, 42 })
            {
                data.Add(kind, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Incidents))]
    public void Injected_fault_is_ranked_first_with_its_class(FaultKind fault, int seed)
    {
        var scenario = Scenario.Create(new ScenarioOptions { Services = 24, InstancesPerService = 3, Nodes = 8, Fault = fault, Seed = seed });
        var bundle = scenario.ToBundle();
        var analyzer = new RootCauseAnalyzer(ShippedFaultTrees.Set, new AnalyzerOptions(), Clock);

        var report = analyzer.Analyze(Guid.NewGuid(), bundle.Alert, bundle.ToSnapshot());

        var truth = scenario.Truth!;
        var ranking = string.Join("\n", report.RootCauses.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Rank}. {c.Entity} {c.FaultClass} {c.Score:0.000} [{string.Join("; ", c.ConditionPath)}]")));
        var context = $"truth {truth.Entity} {truth.FaultClass}; outcome {report.Outcome}\n{ranking}";
        Assert.True(report.RootCauses.Count > 0, context);
        Assert.True(truth.Entity == report.RootCauses[0].Entity, context);
        Assert.True(truth.FaultClass == report.RootCauses[0].FaultClass, context);
        Assert.Equal(AnalysisOutcome.RootCauseFound, report.Outcome);
    }

    [Fact]
    public void Healthy_system_has_no_anomaly_at_the_entry()
    {
        var scenario = Scenario.Create(new ScenarioOptions { Services = 24, Fault = null, Seed = 5 });
        var last = scenario.Batches[^1].IntervalStart;
        var symptom = new Symptom(scenario.EntryService, Kpis.Latency, null, last, "test");
        var snapshot = new Bundles.IncidentBundle("rootcause.incident-bundle", 1, "healthy", scenario.Topology, scenario.Batches, symptom).ToSnapshot();

        var report = new RootCauseAnalyzer(ShippedFaultTrees.Set, new AnalyzerOptions(), Clock).Analyze(Guid.NewGuid(), symptom, snapshot);

        Assert.Equal(AnalysisOutcome.NoAnomaly, report.Outcome);
        Assert.Empty(report.RootCauses);
    }
}
