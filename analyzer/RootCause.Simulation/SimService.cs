using RootCause.Contracts;

namespace RootCause.Simulation;

/// <summary>A generated service: its place in the layered call graph, operations, instances and what it calls.</summary>
internal sealed class SimService
{
    public required int Index { get; init; }

    public required string Name { get; init; }

    public required ServiceKind Kind { get; init; }

    /// <summary>0 for the entry service; callees always sit in higher layers, which keeps the graph acyclic.</summary>
    public required int Layer { get; init; }

    public required int Port { get; init; }

    public int[] Operations { get; set; } = [];

    public int[] Instances { get; set; } = [];

    /// <summary>Distinct callee operations of all this service's operations (the client-side call plan).</summary>
    public int[] PlanOperations { get; set; } = [];

    /// <summary>Calls per second to each plan operation at mean traffic (over all instances).</summary>
    public double[] PlanRates { get; set; } = [];

    /// <summary>Distinct callee services and the per-second request rate to each at mean traffic.</summary>
    public int[] CalleeServices { get; set; } = [];

    public double[] CalleeRates { get; set; } = [];

    /// <summary>Request and response payload bytes per call to each callee service.</summary>
    public double[] CalleeRequestBytes { get; set; } = [];

    public double[] CalleeResponseBytes { get; set; } = [];

    /// <summary>Requests per second served at mean traffic (all operations, all instances).</summary>
    public double Rate { get; set; }

    public double CpuSecondsPerRequest { get; set; }

    public double CpuLimitCores { get; init; }

    public long MemoryLimitBytes { get; init; }
}
