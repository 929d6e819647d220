using RootCause.Contracts;

namespace RootCause.Simulation;

/// <summary>The fault-class ids (as the fault trees name them) of <see cref="FaultKind"/>, and the entity kind each blames.</summary>
public static class FaultClasses
{
    public const string NetworkLoss = "network_loss";
    public const string CpuSaturation = "cpu_saturation";
    public const string MemoryPressure = "memory_pressure";
    public const string SlowService = "slow_service";
    public const string ErrorBurst = "error_burst";
    public const string SlowDatabase = "slow_database";
    public const string ConnectionFailures = "connection_failures";

    public static IReadOnlyList<string> All { get; } =
        [NetworkLoss, CpuSaturation, MemoryPressure, SlowService, ErrorBurst, SlowDatabase, ConnectionFailures];

    public static string IdOf(FaultKind kind) => kind switch
    {
        FaultKind.NetworkLoss => NetworkLoss,
        FaultKind.CpuSaturation => CpuSaturation,
        FaultKind.MemoryPressure => MemoryPressure,
        FaultKind.SlowService => SlowService,
        FaultKind.ErrorBurst => ErrorBurst,
        FaultKind.SlowDatabase => SlowDatabase,
        FaultKind.ConnectionFailures => ConnectionFailures,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown fault kind"),
    };

    /// <summary>Parses a fault-class id ("slow_database") or an enum name ("SlowDatabase").</summary>
    public static bool TryParse(string? id, out FaultKind kind)
    {
        foreach (var k in Enum.GetValues<FaultKind>())
        {
            if (string.Equals(id, IdOf(k), StringComparison.OrdinalIgnoreCase) || string.Equals(id, k.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The kind of entity the ground truth names for a fault (a node's lossy link blames the node).</summary>
    public static EntityKind TargetKindOf(FaultKind kind) => kind switch
    {
        FaultKind.NetworkLoss => EntityKind.NetworkEdge,
        FaultKind.CpuSaturation => EntityKind.Node,
        FaultKind.MemoryPressure or FaultKind.ConnectionFailures => EntityKind.Instance,
        _ => EntityKind.Service,
    };
}
