namespace RootCause.Analysis.FaultTrees;

/// <summary>What one file contributed before the files are linked: its tree (null when it had errors), its classes and the class ids its branches name.</summary>
internal sealed record FaultTreeFile(
    string Path,
    FaultTree? Tree,
    (string Name, SourceMark At)? TreeName,
    IReadOnlyList<(FaultClass Class, SourceMark At)> Classes,
    IReadOnlyList<(string Id, SourceMark At)> References,
    FileDiagnostics Diagnostics);
