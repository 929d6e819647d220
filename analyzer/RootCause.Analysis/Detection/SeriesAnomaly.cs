using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Detection;

/// <summary>A deviation of one series from its baseline inside the incident window.</summary>
/// <param name="Key">Which series.</param>
/// <param name="Direction">Up or down.</param>
/// <param name="Severity">Deviation in robust standard deviations (capped at <see cref="RobustDetector.MaxSeverity"/>).</param>
/// <param name="OnsetIndex">Timeline index of the first anomalous interval.</param>
/// <param name="Baseline">Median of the baseline.</param>
/// <param name="Observed">Median from the onset to the end of the window.</param>
public sealed record SeriesAnomaly(SeriesKey Key, Direction Direction, double Severity, int OnsetIndex, double Baseline, double Observed)
{
    public EntityRef Entity => Key.Entity;

    public string Metric => Key.Metric;

    public AnomalyEvidence ToEvidence(IReadOnlyList<DateTimeOffset> timeline) =>
        new(Entity, Metric, Direction, Math.Round(Severity, 2), timeline[OnsetIndex], Baseline, Observed);
}
