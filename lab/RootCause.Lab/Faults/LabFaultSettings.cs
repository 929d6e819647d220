namespace RootCause.Lab;

/// <summary>How strong each fault is; the defaults were measured to move the lab's golden signals within seconds.</summary>
public sealed record LabFaultSettings
{
    /// <summary>packet_loss: share of the caller's packets dropped at the destination, in percent.</summary>
    public int PacketLossPercent { get; init; } = 30;

    /// <summary>
    /// link_latency: rate of the destination's traffic towards the caller, in kbit/s; it must sit just above what the
    /// link carries at the lab's load (20 requests/s: catalog pages of about 10 KB, 0.7-0.9 Mbit/s on
    /// gateway -> catalog). Measured on the gateway's mean latency: 2048 added 10 ms, 1024 added 50-190 ms,
    /// 896 added 230 ms with no failures, 768 made 10-20 % of requests time out, 512 most of them.
    /// </summary>
    public int LinkRateKbit { get; init; } = 896;

    /// <summary>link_latency: packets queued before the shaped link drops (bounds the added latency below the callers' timeouts).</summary>
    public int LinkQueuePackets { get; init; } = 50;

    /// <summary>
    /// cpu_saturation: the CPU the target's cgroup may use, in CPUs (0.05 = 5 ms per 100 ms period). Measured on the
    /// catalog at the lab's load: 0.2 added 50 ms to the gateway's mean latency, 0.05 added 130 ms.
    /// </summary>
    public double CpuQuotaCpus { get; init; } = 0.05;

    /// <summary>memory_pressure: the limit is the target's usage when applied plus this, in MB.</summary>
    public int MemoryHeadroomMb { get; init; } = 64;

    /// <summary>memory_pressure: the target's leakMbPerSecond switch.</summary>
    public double LeakMbPerSecond { get; init; } = 8;

    /// <summary>slow_database: how long each lock on products is held, in ms.</summary>
    public int LockHoldMs { get; init; } = 400;

    /// <summary>slow_database: the gap between two locks, in ms.</summary>
    public int LockPauseMs { get; init; } = 100;

    /// <summary>slow_database: the lock session ends by itself after this, should the lab die without removing it.</summary>
    public TimeSpan LockSessionLimit { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>error_burst: the target's errorRate switch.</summary>
    public double ErrorRate { get; init; } = 0.3;

    /// <summary>slow_service: the target's addedLatencyMs switch.</summary>
    public int AddedLatencyMs { get; init; } = 300;

    /// <summary>service_down: how long removing it waits for the restarted service to answer.</summary>
    public TimeSpan RestartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
