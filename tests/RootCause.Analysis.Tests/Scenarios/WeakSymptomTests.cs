using RootCause.Contracts;
using RootCause.Simulation;

namespace RootCause.Analysis.Tests.Scenarios;

/// <summary>
/// An alert whose KPI does not show the fault (an error-rate alert on a slow database), or that has too
/// little history to judge: the report never claims normality without saying why, and still names the
/// deviations around the alert as leads, at a confidence below any cause behind a visible symptom.
/// </summary>
public sealed class WeakSymptomTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero));

    private static readonly ScenarioResult SlowDatabase = Scenario.Create(new ScenarioOptions { Services = 24, Fault = FaultKind.SlowDatabase, Seed = 7 });

    [Fact]
    public void A_flat_alerted_kpi_still_gets_the_culprit_as_its_first_lead()
    {
        var bundle = SlowDatabase.ToBundle();
        var alert = bundle.Alert with { Kpi = Kpis.ErrorRate, AlertName = "GatewayErrors" };

        var report = new RootCauseAnalyzer(ShippedFaultTrees.Set, new AnalyzerOptions(), Clock).Analyze(Guid.NewGuid(), alert, bundle.ToSnapshot());

        Assert.Equal(AnalysisOutcome.NoAnomaly, report.Outcome);
        Assert.NotEmpty(report.RootCauses);
        Assert.Equal(SlowDatabase.Truth!.Entity, report.RootCauses[0].Entity);
        Assert.All(report.RootCauses, c => Assert.True(c.Score <= 0.5, $"{c.Entity} scored {c.Score} as a lead"));
        Assert.StartsWith("a lead: the alerted error rate of frontend stayed within its baseline", report.RootCauses[0].ConditionPath[0], StringComparison.Ordinal);
        Assert.Contains("leads to check first: " + report.RootCauses[0].Entity, report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_intervals_of_history_are_not_enough_and_the_report_says_so()
    {
        var bundle = SlowDatabase.ToBundle();
        var alert = bundle.Alert;
        var options = new AnalyzerOptions { Baseline = TimeSpan.FromMinutes(3), Lookback = TimeSpan.FromMinutes(1) };

        var report = new RootCauseAnalyzer(ShippedFaultTrees.Set, options, Clock).Analyze(Guid.NewGuid(), alert, bundle.ToSnapshot());

        Assert.Equal(AnalysisOutcome.NotEnoughHistory, report.Outcome);
        Assert.Contains("has too little history before", report.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("stays within its baseline", report.Summary, StringComparison.Ordinal);
    }
}
