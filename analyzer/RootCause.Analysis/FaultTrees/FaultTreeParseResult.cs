using System.Diagnostics.CodeAnalysis;

namespace RootCause.Analysis.FaultTrees;

/// <summary>Either the loaded set or every error found in every file, sorted by file (in the order given), line and column.</summary>
public sealed record FaultTreeParseResult(FaultTreeSet? Set, IReadOnlyList<FaultTreeError> Errors)
{
    [MemberNotNullWhen(true, nameof(Set))]
    public bool Succeeded => Set is not null;
}
