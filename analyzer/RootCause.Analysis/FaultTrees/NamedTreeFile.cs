namespace RootCause.Analysis.FaultTrees;

/// <summary>One entry of an examples file's <c>tree_files</c>: as written, resolved against the examples file, and where it is.</summary>
internal sealed record NamedTreeFile(string Entry, string Path, SourceMark At);
