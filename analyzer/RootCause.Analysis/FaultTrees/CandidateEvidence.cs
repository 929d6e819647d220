using RootCause.Contracts;

namespace RootCause.Analysis.FaultTrees;

/// <summary>Everything a fault tree may test about one root-cause candidate.</summary>
/// <param name="Candidate">The service, instance, node or network edge.</param>
/// <param name="ServiceKind">For a service or instance candidate, what the service is; null otherwise.</param>
/// <param name="Anomalies">Anomalies of the candidate and around it, by scope.</param>
public sealed record CandidateEvidence(EntityRef Candidate, ServiceKind? ServiceKind, IReadOnlyList<ScopedAnomaly> Anomalies);
