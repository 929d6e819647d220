namespace RootCause.Analysis.FaultTrees;

/// <summary>Holds when at least one condition holds; the words name the first that did.</summary>
internal sealed record AnyCondition(SourceMark Start, IReadOnlyList<FaultCondition> Conditions) : FaultCondition(Start)
{
    public override string? Match(CandidateEvidence evidence)
    {
        foreach (var condition in Conditions)
        {
            if (condition.Match(evidence) is { } held)
            {
                return held;
            }
        }

        return null;
    }

    public override string Describe() => string.Join(" or ", Conditions.Select(c => c is AllCondition ? $"({c.Describe()})" : c.Describe()));
}
