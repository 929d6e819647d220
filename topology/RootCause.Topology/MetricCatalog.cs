using System.Collections.Frozen;
using RootCause.Contracts;

namespace RootCause.Topology;

/// <summary>
/// Every metric the store derives from <see cref="MetricBatch"/>es. Fault trees may only name these;
/// the analyzer computes every one of them for every entity that carries it.
/// </summary>
public static class MetricCatalog
{
    public const string Requests = "requests";
    public const string Errors = "errors";
    public const string ErrorRate = "error_rate";
    public const string LatencyMean = "latency_mean";
    public const string LatencyP99 = "latency_p99";

    public const string Connects = "net_connects";
    public const string ConnectFailures = "net_connect_failures";
    public const string Retransmits = "net_retransmits";
    public const string Rtt = "net_rtt";
    public const string Resets = "net_resets";
    public const string Drops = "net_drops";
    public const string Bytes = "net_bytes";

    public const string CpuUsage = "cpu_usage";
    public const string CpuUtilization = "cpu_utilization";
    public const string MemoryUsage = "memory_usage";
    public const string MemoryUtilization = "memory_utilization";
    public const string RunQueueDelay = "runqueue_delay";
    public const string OomKills = "oom_kills";

    private static readonly EntityKind[] Golden = [EntityKind.Service, EntityKind.Instance, EntityKind.CallEdge];
    private static readonly EntityKind[] Network = [EntityKind.NetworkEdge];
    private static readonly EntityKind[] Resource = [EntityKind.Instance, EntityKind.Node];

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(Requests, "req/s", "Requests completed per second", Golden, "requests"),
        new(Errors, "err/s", "Failed requests (5xx, resets, protocol errors) per second", Golden, "errors"),
        new(ErrorRate, "ratio", "Errors divided by requests", Golden, "error rate"),
        new(LatencyMean, "s", "Mean request latency", Golden, "mean latency"),
        new(LatencyP99, "s", "99th percentile request latency (from the histogram)", Golden, "p99 latency"),
        new(Connects, "conn/s", "TCP connections established per second", Network, "connections"),
        new(ConnectFailures, "conn/s", "TCP connection attempts that failed per second (refused, timed out)", Network, "failed connections"),
        new(Retransmits, "seg/s", "TCP segments retransmitted per second", Network, "retransmits"),
        new(Rtt, "s", "Mean smoothed TCP round-trip time", Network, "round-trip time"),
        new(Resets, "1/s", "TCP resets per second", Network, "resets"),
        new(Drops, "pkt/s", "Packets dropped by the kernel per second", Network, "packet drops"),
        new(Bytes, "B/s", "Payload bytes per second, both directions", Network, "traffic"),
        new(CpuUsage, "cores", "CPU time used per second", Resource, "CPU usage"),
        new(CpuUtilization, "ratio", "CPU usage divided by the CPU limit (or node cores)", Resource, "CPU utilisation"),
        new(MemoryUsage, "B", "Resident memory", Resource, "memory"),
        new(MemoryUtilization, "ratio", "Memory divided by the memory limit (or node memory)", Resource, "memory utilisation"),
        new(RunQueueDelay, "s/s", "Time runnable tasks waited for a CPU, per second", Resource, "run-queue delay"),
        new(OomKills, "1/s", "Processes killed by the OOM killer per second", Resource, "OOM kills"),
    ];

    private static readonly FrozenDictionary<string, MetricDefinition> ByName = All.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, out MetricDefinition definition) => ByName.TryGetValue(name, out definition!);

    public static bool IsKnown(string name) => ByName.ContainsKey(name);
}
