using RootCause.Contracts;

namespace RootCause.Server.Tests.Reports;

/// <summary>Hand-built reports for the renderers; <see cref="Hostile"/> puts attacker-chosen text in every string.</summary>
internal static class SampleReports
{
    private static readonly DateTimeOffset T = new(2026, 1, 5, 11, 0, 0, TimeSpan.Zero);

    public static RootCauseReport Slow(string service = "frontend", string culprit = "backend", string? summary = null) => new(
        Guid.Parse("0193f0a2-0000-7000-8000-000000000001"),
        new Symptom(service, Kpis.Latency, "GET /cart", T, "alertmanager", "HighLatency"),
        AnalysisOutcome.RootCauseFound,
        summary ?? $"Latency of {service} rose at 10:57 because {culprit} slowed down.",
        [
            new RankedCause(
                1,
                new EntityRef(EntityKind.Service, culprit),
                0.87,
                "slow_service",
                "Slow service",
                ["latency_p99 of the candidate is up", "no host or network anomaly"],
                [
                    new AnomalyEvidence(new EntityRef(EntityKind.Service, culprit), "latency_p99", Direction.Up, 14.2, T.AddMinutes(-3), 0.05, 0.8),
                    new AnomalyEvidence(new EntityRef(EntityKind.Instance, culprit + "-1"), "cpu_utilization", Direction.Up, 4.5, T.AddMinutes(-2), 0.21, 0.93),
                ],
                "Look at recent deploys of the service."),
            new RankedCause(2, new EntityRef(EntityKind.Node, "node-2"), 0.31, "inconclusive", "Inconclusive", [], [], null),
        ],
        [service, culprit],
        new DrillDownResult(Kpis.Latency, [new DrillDownFinding(new Dictionary<string, string> { ["operation"] = "GET /cart", ["instance"] = service + "-1" }, 0.92, 0.81, 0.06)], "GET /cart on every instance explains the rise."),
        new TimeWindow(T.AddMinutes(-75), T.AddMinutes(1)),
        T.AddMinutes(2));

    public const string Script = "<script>alert('pwned')</script>";

    public static RootCauseReport Hostile() => Slow(
        service: Script + "|evil\nname",
        culprit: "<img src=x onerror=alert(1)>{onclick=alert(2)}",
        summary: "# Heading? [click](javascript:alert(3)) <b>bold</b> " + Script);
}
