using RootCause.Analysis;

namespace RootCause.Evaluation.PetShop;

/// <summary>How the PetShop evaluation runs, beside the analyzer's own options.</summary>
/// <param name="TemporalNormalFrom">
/// The dataset has no normal data for the temporal scenarios; their issues borrow this scenario's normal data
/// as the baseline (null: only the issue's own rows, which leaves the analyzer one or two baseline intervals).
/// </param>
/// <param name="SpecificityEvery">Spacing of the analyses run over normal data.</param>
public sealed record PetShopEvaluationSettings(string? TemporalNormalFrom, TimeSpan SpecificityEvery)
{
    public static PetShopEvaluationSettings Default { get; } = new("low_traffic", TimeSpan.FromHours(1));

    /// <summary>
    /// Analyzer windows for 5-minute data: a 6-hour baseline (72 intervals, enough for robust statistics, short
    /// enough to stay inside the 49 hours of normal data); a 10-minute lookback; and 15 minutes after the alert,
    /// because PetShop's alert timestamps fall one interval before most latency peaks.
    /// </summary>
    public static AnalyzerOptions FiveMinuteOptions { get; } = new()
    {
        Baseline = TimeSpan.FromHours(6),
        Lookback = TimeSpan.FromMinutes(10),
        After = TimeSpan.FromMinutes(15),
    };
}
