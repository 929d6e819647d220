using RootCause.Contracts;

namespace RootCause.Analysis;

/// <summary>The time window an analysis needs around a symptom.</summary>
public static class AnalysisWindow
{
    public static TimeWindow For(Symptom symptom, AnalyzerOptions options) =>
        new(symptom.At - options.Baseline - options.Lookback, symptom.At + options.After);
}
