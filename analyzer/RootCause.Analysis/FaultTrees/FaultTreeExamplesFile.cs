namespace RootCause.Analysis.FaultTrees;

/// <summary>A read examples file: the tree files it names (null when it names none, so its twin tree is tested) and its examples.</summary>
internal sealed record FaultTreeExamplesFile(IReadOnlyList<NamedTreeFile>? TreeFiles, IReadOnlyList<FaultTreeExample> Examples);
