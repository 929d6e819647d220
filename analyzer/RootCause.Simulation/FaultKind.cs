namespace RootCause.Simulation;

/// <summary>The faults the simulator can inject; <see cref="FaultClasses"/> maps each to its fault-class id.</summary>
public enum FaultKind
{
    /// <summary>network_loss: a lossy link between two instances (or every link of a node).</summary>
    NetworkLoss,

    /// <summary>cpu_saturation: a node runs out of CPU; every instance on it slows down.</summary>
    CpuSaturation,

    /// <summary>memory_pressure: an instance leaks memory up to its limit, is OOM-killed and restarts.</summary>
    MemoryPressure,

    /// <summary>slow_service: a service's own processing gets slower (e.g. a bad release).</summary>
    SlowService,

    /// <summary>error_burst: a service answers part of its requests with 5xx.</summary>
    ErrorBurst,

    /// <summary>slow_database: a database or cache answers slowly.</summary>
    SlowDatabase,

    /// <summary>connection_failures: an instance refuses connections.</summary>
    ConnectionFailures,
}
