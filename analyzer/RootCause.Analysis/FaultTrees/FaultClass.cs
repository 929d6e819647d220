namespace RootCause.Analysis.FaultTrees;

/// <summary>A fault class a tree can reach, declared under <c>classes:</c>.</summary>
internal sealed record FaultClass(string Id, string Title, string? Advice)
{
    public const string InconclusiveId = "inconclusive";

    /// <summary>Built in: what a candidate gets when no branch of any tree matched.</summary>
    public static FaultClass Inconclusive { get; } = new(
        InconclusiveId,
        "Inconclusive",
        "The evidence fits no fault class; read the candidate's anomalies and the propagation path by hand.");
}
