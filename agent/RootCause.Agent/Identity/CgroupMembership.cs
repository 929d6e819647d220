namespace RootCause.Agent.Identity;

/// <summary>
/// A process's cgroup per controller that resources are read from, from /proc/&lt;pid&gt;/cgroup: the v2 path and,
/// on v1 or hybrid hosts, the paths in the cpuacct, cpu and memory hierarchies (which may differ, and may be
/// separate hierarchies or one co-mounted "cpu,cpuacct").
/// </summary>
/// <param name="Unified">The v2 path ("0::/path"); "/" on hybrid hosts whose v2 hierarchy holds nothing.</param>
internal sealed record CgroupMembership(string? Unified, string? CpuAccounting, string? Cpu, string? Memory)
{
    /// <summary>Reads "id:controllers:path" lines; null when none names a usable hierarchy.</summary>
    public static CgroupMembership? Parse(IEnumerable<string> lines)
    {
        string? unified = null, cpuAccounting = null, cpu = null, memory = null;
        foreach (var line in lines)
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3 || parts[2].Length == 0 || parts[2][0] != '/')
            {
                continue;
            }

            if (parts[0] == "0" && parts[1].Length == 0)
            {
                unified = parts[2];
                continue;
            }

            foreach (var controller in parts[1].Split(','))
            {
                switch (controller)
                {
                    case "cpuacct":
                        cpuAccounting = parts[2];
                        break;
                    case "cpu":
                        cpu = parts[2];
                        break;
                    case "memory":
                        memory = parts[2];
                        break;
                    default:
                        break;
                }
            }
        }

        return unified is null && cpuAccounting is null && cpu is null && memory is null ? null : new CgroupMembership(unified, cpuAccounting, cpu, memory);
    }

    /// <summary>True when every known path is the root: the whole machine, not one service's share of it.</summary>
    public bool IsRoot => new[] { Unified, CpuAccounting, Cpu, Memory }.All(p => p is null or "/");

    /// <summary>The same membership with every path passed through <paramref name="map"/> (e.g. a container's path to its pod's).</summary>
    public CgroupMembership Map(Func<string, string> map) =>
        new(Unified is null ? null : map(Unified), CpuAccounting is null ? null : map(CpuAccounting), Cpu is null ? null : map(Cpu), Memory is null ? null : map(Memory));
}
