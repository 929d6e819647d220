using RootCause.Analysis.Detection;
using RootCause.Contracts;

namespace RootCause.Analysis.Demarcation;

/// <summary>
/// A possible root cause found by demarcation, with the graph-position evidence that ranking weighs.
/// Mutable only while the demarcation stages build it.
/// </summary>
internal sealed class Candidate(EntityRef entity)
{
    public EntityRef Entity { get; } = entity;

    /// <summary>How well the candidate's place in the graph explains the symptom: a <see cref="GraphPosition"/> level.</summary>
    public double Position { get; set; }

    /// <summary>Anomalies that are the candidate's own cause signals (resource, network, golden).</summary>
    public List<SeriesAnomaly> Signals { get; } = [];

    /// <summary>Entities this candidate explains (a node explains its slow instances, an edge its caller).</summary>
    public HashSet<EntityRef> Explains { get; } = [];

    /// <summary>More specific candidates that explain this one: ranking keeps it below each of them.</summary>
    public HashSet<EntityRef> ExplainedBy { get; } = [];

    /// <summary>Why demarcation picked it, in words, for the report.</summary>
    public List<string> Reasons { get; } = [];

    public SeriesAnomaly? Strongest => Signals.MaxBy(s => s.Severity);
}
