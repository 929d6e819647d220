namespace RootCause.Bundles;

/// <summary>A declared instance: which service it belongs to, which node runs it, where it listens.</summary>
public sealed record BundleInstance(string Name, string Service, string Node, string? Address = null);
