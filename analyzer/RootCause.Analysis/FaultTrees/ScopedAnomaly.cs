using RootCause.Contracts;

namespace RootCause.Analysis.FaultTrees;

/// <summary>An anomaly and where it sits relative to the candidate being classified.</summary>
public sealed record ScopedAnomaly(EvidenceScope Scope, AnomalyEvidence Anomaly);
