using RootCause.Topology;

namespace RootCause.Analysis.Detection;

/// <summary>
/// The smallest spread a metric's baseline is assumed to have. Without it a flat baseline (zero
/// retransmits, zero OOM kills) would turn any blip into an infinite deviation.
/// </summary>
internal static class MetricNoiseFloor
{
    /// <summary>Relative floor: a deviation must exceed this share of the baseline level per unit of severity.</summary>
    public const double Relative = 0.05;

    /// <param name="metric">The metric.</param>
    /// <param name="stepSeconds">Interval length: a count can change by no less than one event per interval.</param>
    public static double Absolute(string metric, double stepSeconds) => metric switch
    {
        MetricCatalog.ErrorRate => 0.002,
        MetricCatalog.LatencyMean or MetricCatalog.LatencyP99 => 0.002,
        MetricCatalog.Rtt => 0.0005,
        MetricCatalog.CpuUtilization or MetricCatalog.MemoryUtilization => 0.01,
        MetricCatalog.RunQueueDelay => 0.005,
        MetricCatalog.CpuUsage => 0.01,
        MetricCatalog.MemoryUsage => 4 * 1024 * 1024,
        MetricCatalog.Bytes => 1024,
        // An OOM kill is never routine: one in an interval must stand out against a quiet baseline.
        MetricCatalog.OomKills => 0.1 / stepSeconds,
        _ => 1 / stepSeconds, // per-second rates of counted events: requests, errors, connects, retransmits, resets, drops
    };
}
