using RootCause.Analysis.Reports;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Tests.Reports;

public sealed class ReportSummaryTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 3, 30, TimeSpan.Zero);

    [Fact]
    public void The_summary_says_what_moved_where_by_how_much_and_how_long_before_the_symptom()
    {
        var edge = new EntityRef(EntityKind.NetworkEdge, "checkout@lab-1 -> payment@lab-1");
        var retransmits = new AnomalyEvidence(edge, MetricCatalog.Retransmits, Direction.Up, 50, At.AddSeconds(-20), 0.1, 42);
        var latency = new AnomalyEvidence(new EntityRef(EntityKind.Service, "gateway"), MetricCatalog.LatencyMean, Direction.Up, 30, At, 0.012, 0.48);
        var cause = new RankedCause(1, edge, 0.9, "network_loss", "Packet loss or network latency", [], [retransmits], null);
        var symptom = new Symptom("gateway", Kpis.Latency, null, At.AddSeconds(15), "alertmanager");

        var text = ReportSummary.Write(symptom, latency, AnalysisOutcome.RootCauseFound, [cause], ["gateway", "checkout", "payment"], new DrillDownResult(Kpis.Latency, [], ""));

        Assert.Equal(
            "The latency of gateway (mean latency) rose from 12 ms to 480 ms at 2026-12-03 12:03:30 UTC. " +
            "The most likely root cause is network edge checkout@lab-1 -> payment@lab-1 (Packet loss or network latency): " +
            "retransmits on checkout@lab-1 -> payment@lab-1 rose from 0.1 seg/s to 42 seg/s at 2026-12-03 12:03:10 UTC, 20 s before the latency of gateway rose. " +
            "It propagates along gateway → checkout → payment.",
            text);
    }
}
