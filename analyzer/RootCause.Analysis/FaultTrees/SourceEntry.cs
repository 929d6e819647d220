namespace RootCause.Analysis.FaultTrees;

internal sealed record SourceEntry(SourceScalar Key, SourceNode Value);
