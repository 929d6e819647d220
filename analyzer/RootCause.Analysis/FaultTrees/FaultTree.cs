namespace RootCause.Analysis.FaultTrees;

/// <summary>One loaded tree: its name, the file it came from and its top-level branches.</summary>
internal sealed record FaultTree(string Name, string Path, IReadOnlyList<FaultBranch> Branches)
{
    /// <summary>The class of the first matching branch (depth first, in order) and the words of the conditions that held; null when none matched.</summary>
    public (string FaultClass, IReadOnlyList<string> ConditionPath)? Classify(CandidateEvidence evidence)
    {
        var path = new List<string>();
        return Match(Branches, evidence, path) is { } faultClass ? (faultClass, path) : null;
    }

    private static string? Match(IReadOnlyList<FaultBranch> branches, CandidateEvidence evidence, List<string> path)
    {
        foreach (var branch in branches)
        {
            if (branch.When.Match(evidence) is not { } held)
            {
                continue;
            }

            path.Add(held);
            if (Match(branch.Branches, evidence, path) is { } deeper)
            {
                return deeper;
            }

            if (branch.FaultClass is not null)
            {
                return branch.FaultClass;
            }

            path.RemoveAt(path.Count - 1);
        }

        return null;
    }
}
