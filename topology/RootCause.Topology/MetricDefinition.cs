using RootCause.Contracts;

namespace RootCause.Topology;

/// <summary>A named metric: what it measures, its unit, and which entity kinds carry it.</summary>
public sealed record MetricDefinition(string Name, string Unit, string Description, IReadOnlyList<EntityKind> AppliesTo);
