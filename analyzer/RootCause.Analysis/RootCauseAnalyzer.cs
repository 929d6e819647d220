using RootCause.Analysis.FaultTrees;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis;

/// <summary>
/// The analysis core: a pure function of (symptom, snapshot, fault trees, clock) → report.
/// Each stage lives in its own folder; this type only runs them in order.
/// </summary>
public sealed class RootCauseAnalyzer(FaultTreeSet faultTrees, AnalyzerOptions options, TimeProvider clock)
{
    public AnalyzerOptions Options => options;

    public RootCauseReport Analyze(Guid id, Symptom symptom, TelemetrySnapshot snapshot)
    {
        _ = faultTrees;
        _ = clock;
        throw new NotImplementedException($"analysis of {id} {symptom} over {snapshot.Intervals.Count} intervals");
    }
}
