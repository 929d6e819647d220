namespace RootCause.Contracts;

/// <summary>
/// One interval of telemetry from one agent (one node). It is the only way data enters RootCause:
/// the eBPF agent, the simulator and dataset importers all produce it.
/// </summary>
/// <param name="AgentId">Stable id of the producing agent.</param>
/// <param name="Node">The node (host) the agent runs on.</param>
/// <param name="IntervalStart">Start of the interval (UTC).</param>
/// <param name="IntervalSeconds">Length of the interval; counts below are totals over it.</param>
/// <param name="Instances">Instances seen on the node during the interval and the service each belongs to.</param>
/// <param name="Golden">Server-side golden metrics per (service, operation, instance, caller).</param>
/// <param name="Calls">Client-side golden metrics: the caller's view of a call edge.</param>
/// <param name="Network">Network-edge metrics per (source instance, destination).</param>
/// <param name="Resources">Resource metrics per instance and for the node itself.</param>
public sealed record MetricBatch(
    string AgentId,
    string Node,
    DateTimeOffset IntervalStart,
    double IntervalSeconds,
    IReadOnlyList<InstanceInfo> Instances,
    IReadOnlyList<GoldenSample> Golden,
    IReadOnlyList<CallSample> Calls,
    IReadOnlyList<NetworkSample> Network,
    IReadOnlyList<ResourceSample> Resources);
