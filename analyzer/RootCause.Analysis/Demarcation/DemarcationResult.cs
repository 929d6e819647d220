using RootCause.Contracts;

namespace RootCause.Analysis.Demarcation;

/// <summary>What the demarcation stages found: degraded services by call depth, the deepest ones, and every candidate.</summary>
internal sealed record DemarcationResult(
    IReadOnlyDictionary<string, int> DegradedServices,
    IReadOnlySet<string> RootServices,
    IReadOnlyDictionary<EntityRef, Candidate> Candidates);
