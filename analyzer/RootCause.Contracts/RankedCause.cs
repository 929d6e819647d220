namespace RootCause.Contracts;

/// <summary>One root-cause candidate with its fault class and the evidence behind it.</summary>
/// <param name="Rank">1 for the most likely.</param>
/// <param name="Entity">The service, instance, node or network edge at fault.</param>
/// <param name="Score">Ranking score in [0, 1].</param>
/// <param name="FaultClass">Fault class id from the fault tree, e.g. "network_loss".</param>
/// <param name="FaultTitle">Human title of the fault class.</param>
/// <param name="ConditionPath">The fault-tree conditions that held, root to leaf.</param>
/// <param name="Evidence">Anomalies that support the candidate, strongest first.</param>
/// <param name="Advice">What to check or do next, from the fault class.</param>
public sealed record RankedCause(
    int Rank,
    EntityRef Entity,
    double Score,
    string FaultClass,
    string FaultTitle,
    IReadOnlyList<string> ConditionPath,
    IReadOnlyList<AnomalyEvidence> Evidence,
    string? Advice);
