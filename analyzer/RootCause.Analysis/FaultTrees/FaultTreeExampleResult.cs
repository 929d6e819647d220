namespace RootCause.Analysis.FaultTrees;

/// <summary>The outcome of one example: what was expected, what the tree said, and why it failed.</summary>
public sealed record FaultTreeExampleResult(string Path, int Line, string Name, string Expected, Classification Actual, string? Failure)
{
    public bool Passed => Failure is null;
}
