namespace RootCause.Analysis.FaultTrees;

/// <summary>The loaded fault trees, applied in order; the first tree that reaches a class other than inconclusive wins.</summary>
public sealed class FaultTreeSet
{
    // Placeholder until the fault-tree format lands.
}
