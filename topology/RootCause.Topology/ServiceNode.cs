using RootCause.Contracts;

namespace RootCause.Topology;

/// <summary>A service in the graph and what kind of service it is.</summary>
public sealed record ServiceNode(string Name, ServiceKind Kind);
