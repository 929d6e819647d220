namespace RootCause.Analysis.FaultTrees;

/// <summary>A condition of a branch, tested against the evidence of one candidate.</summary>
internal abstract record FaultCondition(SourceMark Start)
{
    /// <summary>The condition in words when it holds for <paramref name="evidence"/> (what held, specifically); null when it does not.</summary>
    public abstract string? Match(CandidateEvidence evidence);

    /// <summary>The condition in words, independent of any evidence.</summary>
    public abstract string Describe();
}
