namespace RootCause.Simulation;

/// <summary>What to simulate. Everything is derived from these and <see cref="Seed"/>; nothing reads a clock.</summary>
public sealed record ScenarioOptions
{
    /// <summary>Number of services including the entry service, databases and caches (at least 5).</summary>
    public int Services { get; init; } = 20;

    public int InstancesPerService { get; init; } = 3;

    public int Nodes { get; init; } = 8;

    /// <summary>Operations per service; null picks 3 up to 100 services, 2 up to 300, 1 above (keeps big runs cheap).</summary>
    public int? OperationsPerService { get; init; }

    /// <summary>The fault to inject; null simulates a healthy system (no alert, no truth).</summary>
    public FaultKind? Fault { get; init; } = FaultKind.SlowDatabase;

    /// <summary>
    /// Where to inject it: a service (slow_service, error_burst, slow_database), an instance (memory_pressure,
    /// connection_failures), a node (cpu_saturation, or network_loss on all of the node's links) or
    /// "srcInstance -> dstInstance" (network_loss). Null picks, by seed, a place whose fault makes the entry
    /// service's alert fire.
    /// </summary>
    public string? Target { get; init; }

    public int Seed { get; init; } = 7;

    /// <summary>Healthy minutes before the fault begins.</summary>
    public int BaselineMinutes { get; init; } = 90;

    /// <summary>How long the fault lasts.</summary>
    public int FaultMinutes { get; init; } = 30;

    /// <summary>Healthy minutes simulated after the fault ends.</summary>
    public int RecoveryMinutes { get; init; }

    public double IntervalSeconds { get; init; } = 60;

    /// <summary>Start of the first interval (UTC); the daily traffic shape follows its time of day.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Scales the fault's strength: 1 is a clear incident, 0.3 a subtle one.</summary>
    public double Intensity { get; init; } = 1.0;

    /// <summary>Requests per second reaching the entry service at mean traffic; 0 scales it with the size.</summary>
    public double EntryRequestsPerSecond { get; init; }

    /// <summary>Name of the entry (gateway) service.</summary>
    public string EntryService { get; init; } = "frontend";
}
