namespace RootCause.Analysis.FaultTrees;

/// <summary>A scalar; <paramref name="IsPlain"/> tells an unquoted <c>8</c> (a number) from a quoted <c>"8"</c> (text).</summary>
internal sealed record SourceScalar(SourceMark Start, string Value, bool IsPlain) : SourceNode(Start)
{
    /// <summary>YAML 1.2 core schema nulls; an empty plain value (<c>key:</c>) is one too.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing" : $"'{Value}'";
}
