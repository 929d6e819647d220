using System.Globalization;

namespace RootCause.Agent.Loading;

/// <summary>Checks, before loading anything, that this machine can run the agent; problems in plain words.</summary>
internal static class StartupChecks
{
    public static readonly Version MinimumKernel = new(5, 11);

    private static readonly (int Bit, string Name, string Why)[] Needed =
    [
        (39, "CAP_BPF", "load BPF programs and create maps"),
        (38, "CAP_PERFMON", "attach tracepoints and read kernel memory"),
        (12, "CAP_NET_ADMIN", "trace sockets"),
    ];

    // Not fatal: since 5.11 BPF memory is charged to the memory cgroup rather than RLIMIT_MEMLOCK, and
    // without ptrace rights a process is still named by its kernel comm.
    private static readonly (int Bit, string Name, string Why)[] Recommended =
    [
        (24, "CAP_SYS_RESOURCE", "raise the locked-memory limit, which kernels before 5.11 charge BPF maps to"),
        (19, "CAP_SYS_PTRACE", "read other users' /proc/<pid>/cmdline and cgroup, which name services better than comm"),
    ];

    private const int CapSysAdmin = 21;

    public static StartupReport Check(SystemFacts facts)
    {
        var problems = new List<string>();
        var warnings = new List<string>();
        var missing = Needed.Where(c => !Has(facts.EffectiveCapabilities, c.Bit) &&
            !(c.Bit is 38 or 39 && Has(facts.EffectiveCapabilities, CapSysAdmin))).ToArray();
        if (missing.Length > 0)
        {
            var who = facts.EffectiveUid == 0 ? "Running as root, but without" : "Not running as root, and without";
            problems.Add($"{who} the capabilities the agent needs: {string.Join(", ", missing.Select(m => $"{m.Name} (to {m.Why})"))}. " +
                "Run it as root, or grant CAP_BPF, CAP_PERFMON, CAP_NET_ADMIN, CAP_SYS_RESOURCE and CAP_SYS_PTRACE " +
                "(setcap, or securityContext.capabilities.add in Kubernetes).");
        }

        foreach (var (_, name, why) in Recommended.Where(c => !Has(facts.EffectiveCapabilities, c.Bit)))
        {
            warnings.Add($"Without {name} the agent cannot {why}; continuing.");
        }

        var kernel = ParseKernel(facts.KernelRelease);
        if (kernel is null)
        {
            problems.Add($"Could not read the kernel version (\"{facts.KernelRelease}\"); the agent needs Linux {MinimumKernel} or newer.");
        }
        else if (kernel < MinimumKernel)
        {
            problems.Add($"The kernel is {kernel}; the agent needs {MinimumKernel} or newer (BPF ring buffers, task storage in tracing programs).");
        }

        if (!facts.HasBtf)
        {
            problems.Add("The kernel has no BTF (/sys/kernel/btf/vmlinux is missing): the agent's CO-RE programs cannot be relocated. " +
                "Use a kernel built with CONFIG_DEBUG_INFO_BTF=y (default on current distributions).");
        }

        if (facts.TracefsEvents is null)
        {
            problems.Add("tracefs is not mounted, so tracepoints cannot be attached" +
                (facts.TracefsMountError is null ? string.Empty : $" (mounting it failed: {facts.TracefsMountError})") +
                $". Mount it: mount -t tracefs nodev {SystemFacts.TracefsMountPoint}");
        }

        return new StartupReport(problems, warnings);
    }

    public static Version? ParseKernel(string release)
    {
        var parts = release.Split('.', '-', '+');
        return parts.Length >= 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? new Version(major, minor)
            : null;
    }

    private static bool Has(ulong mask, int bit) => (mask & (1UL << bit)) != 0;
}
