namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// A branch: when its condition holds, its sub-branches are tried in order; if none matches, its own class
/// (if any) is the result; otherwise the branch does not match and the next sibling is tried.
/// </summary>
internal sealed record FaultBranch(SourceMark Start, FaultCondition When, string? FaultClass, IReadOnlyList<FaultBranch> Branches)
{
    /// <summary>A branch with a class always yields a result once its condition holds, so it shadows later siblings.</summary>
    public bool AlwaysYields => FaultClass is not null;
}
