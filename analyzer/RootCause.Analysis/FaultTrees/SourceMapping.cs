namespace RootCause.Analysis.FaultTrees;

/// <summary>A mapping; duplicate keys were already reported and only the first of them is kept.</summary>
internal sealed record SourceMapping(SourceMark Start, IReadOnlyList<SourceEntry> Entries) : SourceNode(Start)
{
    public override string Describe() => "a mapping";
}
