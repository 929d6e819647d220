namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// Reads a tree file that an examples file names under <c>tree_files</c>, by its path resolved against the
/// examples file. The core does no I/O: the CLI reads the disk, a test answers from memory.
/// </summary>
public delegate TreeFileText ReadTreeFile(string path);
