namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// A YAML node with its position. Our own small model (rather than YamlDotNet's) so that duplicate keys,
/// aliases and depth are reported as errors instead of exceptions, and every node keeps its mark.
/// </summary>
internal abstract record SourceNode(SourceMark Start)
{
    /// <summary>What the node is, in the words an error message uses ("a mapping", "'high'").</summary>
    public abstract string Describe();
}
