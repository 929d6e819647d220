using RootCause.Analysis;

namespace RootCause.Evaluation.Nezha;

/// <summary>How the Nezha evaluation runs, beside the analyzer's own options.</summary>
/// <param name="History">How much data before the injection's minute an analysis gets (the protocol's 30 minutes; less when the day starts later).</param>
/// <param name="TrivialWindow">How long after the injection the trivial rule looks (cut at the next injection).</param>
public sealed record NezhaEvaluationSettings(TimeSpan History, TimeSpan TrivialWindow)
{
    public static NezhaEvaluationSettings Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5));

    /// <summary>
    /// Analyzer windows for Nezha's one-minute rows and its alert placed at the injection time:
    /// <list type="bullet">
    /// <item>Baseline 30 min: the protocol's history (the evaluator hands the analyzer exactly those 30 intervals).</item>
    /// <item>Lookback 1 min: the incident window opens at the injection's own minute. The fault cannot start before
    /// it, and the minute before may still hold the previous fault, which ended 1-6 minutes earlier.</item>
    /// <item>After 3 min: the window spans the injection's minute and the three after it, the ~3 minutes a fault lasts
    /// (a row describes the minute before it, so a fault injected mid-minute reaches into the fourth). Longer would
    /// add recovered minutes and break the detector's "most of the window stays deviated" test.</item>
    /// <item>MinSeverity 4.0, Detector and DetectorThreshold: the defaults (the streaming preset scored on NAB), not
    /// tuned on this data.</item>
    /// <item>MaxRootCauses 10: AC@5 needs five distinct services, and an instance and its service (or a call edge to
    /// it) each take a place in the report; the order of the first five causes does not change.</item>
    /// </list>
    /// </summary>
    public static AnalyzerOptions OneMinuteOptions { get; } = new()
    {
        Baseline = TimeSpan.FromMinutes(30),
        Lookback = TimeSpan.FromMinutes(1),
        After = TimeSpan.FromMinutes(3),
        MinSeverity = 4.0,
        MaxRootCauses = 10,
    };
}
