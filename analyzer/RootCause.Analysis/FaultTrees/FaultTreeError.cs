namespace RootCause.Analysis.FaultTrees;

/// <summary>One problem in a fault-tree or examples file, at a 1-based line and column.</summary>
public sealed record FaultTreeError(string Path, int Line, int Column, string Message)
{
    public override string ToString() => $"{Path}:{Line}:{Column}: {Message}";
}
