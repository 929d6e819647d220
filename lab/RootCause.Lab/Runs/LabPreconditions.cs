namespace RootCause.Lab.Runs;

/// <summary>
/// What a whole lab run needs from the machine, checked before anything is built: the infrastructure's needs
/// (<see cref="LabPreconditionsProbe"/>), and the agent's kernel, the data stores and the alert chain. One line.
/// </summary>
public static class LabPreconditions
{
    /// <summary>Programs a run starts besides the infrastructure's, by the Debian package that brings them (scripts/setup installs them).</summary>
    private static readonly (string Program, string Package)[] Programs =
    [
        ("redis-server", "redis-server"), ("psql", "postgresql"), ("prometheus", "prometheus"),
        ("prometheus-alertmanager", "prometheus-alertmanager"), ("promtool", "prometheus"),
    ];

    /// <summary>Debian's PostgreSQL 15 server binaries (initdb, pg_ctl, postgres).</summary>
    public const string PostgresBinaries = "/usr/lib/postgresql/15/bin";

    /// <summary>Null when the lab can run here, else why not, in one line.</summary>
    public static string? Problem()
    {
        if (LabPreconditionsProbe.Problem() is { } infrastructure)
        {
            return infrastructure;
        }

        if (!File.Exists("/sys/kernel/btf/vmlinux"))
        {
            return "the kernel has no BTF (/sys/kernel/btf/vmlinux): the eBPF agent cannot load";
        }

        var missing = Programs.Where(p => LabPreconditionsProbe.Find(p.Program) is null).Select(p => $"{p.Program} ({p.Package})").ToArray();
        if (missing.Length > 0)
        {
            return $"missing programs: {string.Join(", ", missing)}; scripts/setup installs them";
        }

        return Directory.Exists(PostgresBinaries) ? null : $"PostgreSQL 15 is not installed ({PostgresBinaries}); scripts/setup installs it";
    }
}
