using RootCause.Analysis.Detection.Streaming;

namespace RootCause.Analysis;

/// <summary>Tunable settings of the analysis; the defaults suit one-minute intervals.</summary>
public sealed record AnalyzerOptions
{
    /// <summary>How far before the alert the baseline reaches.</summary>
    public TimeSpan Baseline { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>How far before the alert an anomaly may start and still count as part of the incident.</summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How far after the alert data is still considered (alerts fire a little after the onset).</summary>
    public TimeSpan After { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Minimum severity (robust z) for a deviation to count as an anomaly.</summary>
    public double MinSeverity { get; init; } = 4.0;

    /// <summary>
    /// The streaming detector every series is run through before it is sized against its baseline: by
    /// default the preset scored on NAB (docs/accuracy.md), the one `rootcause detect` runs.
    /// </summary>
    public StreamingDetectorOptions Detector { get; init; } = StreamingDetectorOptions.Default;

    /// <summary>The score at which <see cref="Detector"/> alarms: by default its NAB standard-profile optimum.</summary>
    public double DetectorThreshold { get; init; } = StreamingDetectorOptions.DefaultThreshold;

    /// <summary>How many ranked candidates the report keeps.</summary>
    public int MaxRootCauses { get; init; } = 5;
}
