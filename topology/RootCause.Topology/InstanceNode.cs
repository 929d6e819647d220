namespace RootCause.Topology;

/// <summary>An instance: belongs to a service, runs on a node.</summary>
public sealed record InstanceNode(string Name, string Service, string Node, string? Address);
