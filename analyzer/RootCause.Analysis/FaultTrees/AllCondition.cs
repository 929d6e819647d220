namespace RootCause.Analysis.FaultTrees;

/// <summary>Holds when every condition holds.</summary>
internal sealed record AllCondition(SourceMark Start, IReadOnlyList<FaultCondition> Conditions) : FaultCondition(Start)
{
    public override string? Match(CandidateEvidence evidence)
    {
        var words = new List<string>(Conditions.Count);
        foreach (var condition in Conditions)
        {
            if (condition.Match(evidence) is not { } held)
            {
                return null;
            }

            words.Add(held);
        }

        return string.Join(" and ", words);
    }

    public override string Describe() => string.Join(" and ", Conditions.Select(c => c is AnyCondition ? $"({c.Describe()})" : c.Describe()));
}
