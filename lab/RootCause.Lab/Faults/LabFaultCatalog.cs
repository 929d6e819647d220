namespace RootCause.Lab;

/// <summary>The lab's faults, their expected classes and the targets each can take (repeats can vary the target).</summary>
public static class LabFaultCatalog
{
    public const string PacketLoss = "packet_loss";
    public const string LinkLatency = "link_latency";
    public const string CpuSaturation = "cpu_saturation";
    public const string MemoryPressure = "memory_pressure";
    public const string SlowDatabase = "slow_database";
    public const string ErrorBurst = "error_burst";
    public const string ServiceDown = "service_down";
    public const string SlowService = "slow_service";

    public static IReadOnlyList<LabFaultKind> All { get; } =
    [
        new(PacketLoss, "network_loss", ["gateway -> cart", "gateway -> catalog", "catalog -> catalog-db", "checkout -> payment", "gateway -> checkout", "checkout -> cart"],
            "nftables drops a share of the caller's packets at the destination (numgen random)"),
        // Only links that carry bulk (catalog pages, their rows): without netem, a rate limit adds latency only where
        // responses are larger than the bucket; the small answers of cart, checkout and payment pass untouched.
        new(LinkLatency, "network_loss", ["gateway -> catalog", "catalog -> catalog-db"],
            "tc htb shapes the destination's traffic to the caller to a low rate with a bounded queue"),
        new(CpuSaturation, "cpu_saturation", ["cart", "catalog", "catalog-db", "payment", "checkout"],
            "a lowered CPU quota on the service's cgroup and a busy loop inside it"),
        new(MemoryPressure, "memory_pressure", ["catalog", "cart", "payment", "checkout"],
            "a memory limit just above the service's usage and its leak switch, up to OOM kills; the lab restarts it"),
        new(SlowDatabase, "slow_database", ["catalog-db"],
            "a lab session on catalog-db holds ACCESS EXCLUSIVE locks on products for a few hundred ms, over and over"),
        new(ErrorBurst, "error_burst", ["cart", "catalog", "checkout", "payment"],
            "the service's errorRate switch (a bad release answering 500)"),
        new(ServiceDown, "connection_failures", ["payment", "catalog", "cart", "checkout"],
            "the service is stopped and kept down (connection refused); removing it starts it again"),
        new(SlowService, "slow_service", ["catalog", "cart", "payment", "checkout"],
            "the service's addedLatencyMs switch (added work in every handler)"),
    ];

    /// <summary>The fault with this name; <see cref="ArgumentException"/> naming the catalogue when there is none.</summary>
    public static LabFaultKind Get(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"no lab fault '{name}'; faults: {string.Join(", ", All.Select(f => f.Name))}", nameof(name));

    /// <summary>
    /// The target for the n-th repeat (0-based) of a fault: its targets in turn. Each fault's first target is on a
    /// path enough requests take to page the gateway (catalog serves 85 % of the load's requests, cart 40 %), and
    /// one run of every fault alternates between them, so a fault does not land on the service the previous one
    /// just disturbed. The next targets stay on paging paths as long as a fault has them (catalog's database,
    /// the other of catalog and cart): a fault on checkout or payment, which a tenth of the requests reach, did
    /// not page the gateway within 150 s in a `--repeat 3` run (docs/accuracy.md); they come last.
    /// </summary>
    public static string TargetFor(string name, int repeat)
    {
        var targets = Get(name).Targets;
        return targets[((repeat % targets.Count) + targets.Count) % targets.Count];
    }
}
