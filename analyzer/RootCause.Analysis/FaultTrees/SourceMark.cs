namespace RootCause.Analysis.FaultTrees;

/// <summary>A 1-based line and column in a fault-tree file, where an error is reported.</summary>
internal readonly record struct SourceMark(int Line, int Column)
{
    public static SourceMark FileStart { get; } = new(1, 1);
}
