namespace RootCause.Analysis.FaultTrees;

/// <summary><c>when: always</c>: the catch-all of a branch list.</summary>
internal sealed record AlwaysCondition(SourceMark Start) : FaultCondition(Start)
{
    public override string? Match(CandidateEvidence evidence) => "otherwise";

    public override string Describe() => "always";
}
