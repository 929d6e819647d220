namespace RootCause.Lab;

/// <summary>How to build the lab.</summary>
public sealed record LabOptions
{
    /// <summary>rootcause-lab-service.dll; required when <see cref="StartServices"/>.</summary>
    public string? ServiceAssemblyPath { get; init; }

    /// <summary>Start PostgreSQL and Redis (off: network and cgroups only).</summary>
    public bool StartDataStores { get; init; } = true;

    /// <summary>Start the five HTTP services (needs <see cref="StartDataStores"/>).</summary>
    public bool StartServices { get; init; } = true;

    /// <summary>Start the load generator last (needs <see cref="StartServices"/>).</summary>
    public bool StartLoad { get; init; } = true;

    /// <summary>Requests per second the load generator sends to the gateway.</summary>
    public double LoadRate { get; init; } = 20;

    /// <summary>Where the lab keeps its cluster, logs, control files and the agent's mapping file; null for a new folder under the temp folder.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>Keep the work folder (logs) after teardown; otherwise it is deleted.</summary>
    public bool KeepWorkDirectory { get; init; }

    /// <summary>The dotnet host that runs the service assembly.</summary>
    public string DotnetPath { get; init; } = "dotnet";

    /// <summary>How long each server may take to answer on its port.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public LabFaultSettings Faults { get; init; } = new();

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
