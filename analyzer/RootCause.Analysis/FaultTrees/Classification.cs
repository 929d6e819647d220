namespace RootCause.Analysis.FaultTrees;

/// <summary>The fault class a tree reached for a candidate, and why.</summary>
/// <param name="FaultClass">Fault class id, e.g. "network_loss"; "inconclusive" when nothing matched.</param>
/// <param name="Title">Human title of the class.</param>
/// <param name="ConditionPath">The conditions that held, from the root to the leaf, in words.</param>
/// <param name="Advice">What to check next.</param>
/// <param name="Tree">The tree that classified it.</param>
public sealed record Classification(string FaultClass, string Title, IReadOnlyList<string> ConditionPath, string? Advice, string Tree);
