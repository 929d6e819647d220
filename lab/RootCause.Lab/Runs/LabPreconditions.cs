namespace RootCause.Lab.Runs;

/// <summary>What the live lab needs from the machine, checked before anything is built: one line on what is missing.</summary>
public static class LabPreconditions
{
    /// <summary>Programs the lab runs, by the Debian package that brings them (scripts/setup installs them).</summary>
    private static readonly (string Program, string Package)[] Programs =
    [
        ("ip", "iproute2"), ("nft", "nftables"), ("tc", "iproute2"), ("redis-server", "redis-server"),
        ("prometheus", "prometheus"), ("prometheus-alertmanager", "prometheus-alertmanager"),
    ];

    /// <summary>Null when the lab can run here, else why not, in one line.</summary>
    public static string? Problem()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the lab needs Linux (network namespaces, cgroups, eBPF)";
        }

        if (!IsRoot())
        {
            return "the lab needs root (network namespaces, cgroups, nftables, eBPF); run it with sudo";
        }

        if (!File.Exists("/sys/kernel/btf/vmlinux"))
        {
            return "the kernel has no BTF (/sys/kernel/btf/vmlinux): the eBPF agent cannot load";
        }

        var missing = Programs.Where(p => FindOnPath(p.Program) is null).Select(p => $"{p.Program} ({p.Package})").ToArray();
        if (missing.Length > 0)
        {
            return $"missing programs: {string.Join(", ", missing)}; scripts/setup installs them";
        }

        return Directory.Exists(PostgresBinaries) ? null : $"PostgreSQL 15 is not installed ({PostgresBinaries}); scripts/setup installs it";
    }

    /// <summary>Debian's PostgreSQL 15 server binaries (initdb, pg_ctl, postgres).</summary>
    public const string PostgresBinaries = "/usr/lib/postgresql/15/bin";

    public static string? FindOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin";
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/sbin"]))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsRoot()
    {
        // /proc/self/status "Uid:" carries the effective uid second; no P/Invoke needed for one number.
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var fields = line?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 3 } && fields[2] == "0";
    }
}
