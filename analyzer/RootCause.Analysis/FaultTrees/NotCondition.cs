namespace RootCause.Analysis.FaultTrees;

/// <summary>Holds when the inner condition does not.</summary>
internal sealed record NotCondition(SourceMark Start, FaultCondition Inner) : FaultCondition(Start)
{
    public override string? Match(CandidateEvidence evidence) => Inner.Match(evidence) is null ? Describe() : null;

    public override string Describe() => Inner is AnomalyCondition ? "no " + Inner.Describe() : $"not ({Inner.Describe()})";
}
