namespace RootCause.Contracts;

/// <summary>Resource use of an instance or a node over one interval.</summary>
/// <param name="Kind">Whether <paramref name="Id"/> names an instance or a node.</param>
/// <param name="Id">The instance id or node name.</param>
/// <param name="CpuSeconds">CPU time used in the interval (user + system).</param>
/// <param name="CpuLimitCores">Cores available (cgroup quota or node cores); 0 when unknown.</param>
/// <param name="MemoryBytes">Resident/working-set memory at the end of the interval.</param>
/// <param name="MemoryLimitBytes">Memory limit (cgroup limit or node memory); 0 when unknown.</param>
/// <param name="RunQueueDelaySeconds">Time runnable tasks waited for a CPU in the interval.</param>
/// <param name="OomKills">Processes killed by the OOM killer in the interval.</param>
public sealed record ResourceSample(
    ResourceKind Kind,
    string Id,
    double CpuSeconds,
    double CpuLimitCores,
    long MemoryBytes,
    long MemoryLimitBytes,
    double RunQueueDelaySeconds,
    long OomKills);
