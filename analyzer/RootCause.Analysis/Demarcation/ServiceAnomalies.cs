using RootCause.Analysis.Detection;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Demarcation;

/// <summary>Which golden-metric anomalies make a service, instance or call edge count as degraded.</summary>
internal static class ServiceAnomalies
{
    public static readonly string[] Latency = [MetricCatalog.LatencyP99, MetricCatalog.LatencyMean];
    public static readonly string[] Errors = [MetricCatalog.ErrorRate, MetricCatalog.Errors];
    public static readonly string[] Golden = [.. Latency, .. Errors];
    public static readonly string[] Resource = [MetricCatalog.CpuUtilization, MetricCatalog.RunQueueDelay, MetricCatalog.MemoryUtilization, MetricCatalog.OomKills, MetricCatalog.CpuUsage, MetricCatalog.MemoryUsage];
    public static readonly string[] Network = [MetricCatalog.Retransmits, MetricCatalog.Rtt, MetricCatalog.Drops, MetricCatalog.ConnectFailures, MetricCatalog.Resets];

    /// <summary>Latency or errors up: the entity serves worse than before.</summary>
    public static IEnumerable<SeriesAnomaly> Degradation(AnomalyMap anomalies, EntityRef entity) =>
        Golden.Select(m => anomalies.Of(entity, m)).Where(a => a is { Direction: Direction.Up })!;

    public static bool IsDegraded(AnomalyMap anomalies, EntityRef entity) => Degradation(anomalies, entity).Any();

    /// <summary>Resource or network anomalies that point at a cause rather than a symptom.</summary>
    public static IEnumerable<SeriesAnomaly> CauseSignals(AnomalyMap anomalies, EntityRef entity, string[] metrics) =>
        metrics.Select(m => anomalies.Of(entity, m)).Where(a => a is { Direction: Direction.Up })!;

    public static bool SameFamily(SeriesAnomaly a, SeriesAnomaly b) =>
        Latency.Contains(a.Metric) == Latency.Contains(b.Metric);
}
