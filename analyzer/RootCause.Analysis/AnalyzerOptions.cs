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

    /// <summary>How many ranked candidates the report keeps.</summary>
    public int MaxRootCauses { get; init; } = 5;
}
