namespace RootCause.Agent.Aggregation;

/// <summary>What one cgroup used and may use, read at one moment.</summary>
/// <param name="CpuFolder">The folder its CPU time was read from (the key for the next interval's difference); null when unread.</param>
/// <param name="CpuUsageNs">CPU time of all its processes since the cgroup was made; null when unreadable.</param>
/// <param name="MemoryBytes">Working set (usage minus inactive file pages); null when unreadable.</param>
/// <param name="CpuLimitCores">Quota ÷ period, the tightest of it and its ancestors; 0 when unlimited.</param>
/// <param name="MemoryLimitBytes">Memory limit, the tightest of it and its ancestors; 0 when unlimited.</param>
internal sealed record CgroupUsage(string? CpuFolder, long? CpuUsageNs, long? MemoryBytes, double CpuLimitCores, long MemoryLimitBytes);
