namespace RootCause.Analysis.FaultTrees;

internal sealed record SourceSequence(SourceMark Start, IReadOnlyList<SourceNode> Items) : SourceNode(Start)
{
    public override string Describe() => "a list";
}
