namespace RootCause.Evaluation.Nezha;

/// <summary>The numeric columns of a &lt;pod&gt;_metric.csv file, with the units the names carry.</summary>
public static class PodMetricColumns
{
    public const string CpuUsage = "CpuUsage(m)";
    public const string CpuUsageRate = "CpuUsageRate(%)";
    public const string MemoryUsage = "MemoryUsage(Mi)";
    public const string MemoryUsageRate = "MemoryUsageRate(%)";
    public const string SyscallRead = "SyscallRead";
    public const string SyscallWrite = "SyscallWrite";
    public const string NetworkReceiveBytes = "NetworkReceiveBytes";
    public const string NetworkTransmitBytes = "NetworkTransmitBytes";
    public const string ClientLatencyP90 = "PodClientLatencyP90(s)";
    public const string ServerLatencyP90 = "PodServerLatencyP90(s)";
    public const string ClientLatencyP95 = "PodClientLatencyP95(s)";
    public const string ServerLatencyP95 = "PodServerLatencyP95(s)";
    public const string ClientLatencyP99 = "PodClientLatencyP99(s)";
    public const string ServerLatencyP99 = "PodServerLatencyP99(s)";
    public const string Workload = "PodWorkload(Ops)";
    public const string SuccessRate = "PodSuccessRate(%)";
    public const string NodeCpuUsageRate = "NodeCpuUsageRate(%)";
    public const string NodeMemoryUsageRate = "NodeMemoryUsageRate(%)";
    public const string NodeNetworkReceiveBytes = "NodeNetworkReceiveBytes";

    /// <summary>Every numeric column a pod file must have, in the files' order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CpuUsage, CpuUsageRate, MemoryUsage, MemoryUsageRate, SyscallRead, SyscallWrite, NetworkReceiveBytes, NetworkTransmitBytes,
        ClientLatencyP90, ServerLatencyP90, ClientLatencyP95, ServerLatencyP95, ClientLatencyP99, ServerLatencyP99,
        Workload, SuccessRate, NodeCpuUsageRate, NodeMemoryUsageRate, NodeNetworkReceiveBytes,
    ];

    /// <summary>The server-side latency percentiles, with the share of requests at or below each.</summary>
    public static IReadOnlyList<(string Column, double Quantile)> ServerLatencyPercentiles { get; } =
    [
        (ServerLatencyP90, 0.90), (ServerLatencyP95, 0.95), (ServerLatencyP99, 0.99),
    ];

    /// <summary>
    /// The pod's own series: every column but PodSuccessRate(%) (0 in every row of every pod, the README says:
    /// broken) and the node's three columns (they describe the host, not the pod).
    /// </summary>
    public static IReadOnlyList<string> PodSeries { get; } =
        [.. All.Where(c => c is not (SuccessRate or NodeCpuUsageRate or NodeMemoryUsageRate or NodeNetworkReceiveBytes))];
}
