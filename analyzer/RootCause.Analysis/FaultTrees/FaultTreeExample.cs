namespace RootCause.Analysis.FaultTrees;

/// <summary>One rule test: evidence for a candidate and the class (and optionally the condition path) the tree must reach.</summary>
internal sealed record FaultTreeExample(
    SourceMark Start,
    string Name,
    CandidateEvidence Evidence,
    string Expect,
    SourceMark ExpectAt,
    IReadOnlyList<string>? ExpectPath);
