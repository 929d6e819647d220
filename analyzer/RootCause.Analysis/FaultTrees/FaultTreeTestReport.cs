namespace RootCause.Analysis.FaultTrees;

/// <summary>Load errors of trees and examples files, and the result of every example that ran.</summary>
public sealed record FaultTreeTestReport(IReadOnlyList<FaultTreeError> Errors, IReadOnlyList<FaultTreeExampleResult> Results)
{
    public int Passed => Results.Count(r => r.Passed);

    public int Failed => Results.Count(r => !r.Passed);

    /// <summary>Every file with at least one error, in the order their errors come: a file that does not load runs none of its examples, so it must be counted apart.</summary>
    public IReadOnlyList<string> FilesFailedToLoad => [.. Errors.Select(e => e.Path).Distinct(StringComparer.Ordinal)];

    /// <summary>No load error, at least one example, and every example passed.</summary>
    public bool Succeeded => Errors.Count == 0 && Results.Count > 0 && Failed == 0;
}
