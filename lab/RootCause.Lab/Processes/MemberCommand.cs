namespace RootCause.Lab;

/// <summary>A process to run for a lab member: what to run, in which namespace and cgroups, as whom, and where its output goes.</summary>
/// <param name="Name">What progress lines and errors call it ("payment", "catalog-db", "cpu_saturation busy loop").</param>
/// <param name="Namespace">The network namespace to run it in; null for the host's.</param>
/// <param name="CgroupProcsFiles">The cgroup.procs files it is written into before it execs (one per hierarchy).</param>
/// <param name="LogPath">Its stdout and stderr, appended.</param>
/// <param name="User">The user to run it as (PostgreSQL refuses root); null for root.</param>
internal sealed record MemberCommand(
    string Name,
    string FileName,
    IReadOnlyList<string> Arguments,
    string? Namespace,
    IReadOnlyList<string> CgroupProcsFiles,
    string LogPath,
    string? User = null,
    IReadOnlyDictionary<string, string>? Environment = null);
