namespace RootCause.Contracts;

/// <summary>A metric of an entity that deviated from its baseline.</summary>
/// <param name="Entity">Whose metric.</param>
/// <param name="Metric">Metric name from the metric catalogue, e.g. "latency_p99".</param>
/// <param name="Direction">Whether it went up or down.</param>
/// <param name="Severity">Robust deviation score (in baseline standard deviations, capped).</param>
/// <param name="Onset">First interval of the deviation.</param>
/// <param name="Baseline">Typical value before the onset.</param>
/// <param name="Observed">Typical value after the onset.</param>
public sealed record AnomalyEvidence(
    EntityRef Entity,
    string Metric,
    Direction Direction,
    double Severity,
    DateTimeOffset Onset,
    double Baseline,
    double Observed);
