using RootCause.Contracts;

namespace RootCause.Topology;

/// <summary>A named metric: what it measures, its unit, and which entity kinds carry it.</summary>
/// <param name="Words">The metric as a sentence names it ("retransmits", "p99 latency"), for reports.</param>
public sealed record MetricDefinition(string Name, string Unit, string Description, IReadOnlyList<EntityKind> AppliesTo, string Words);
