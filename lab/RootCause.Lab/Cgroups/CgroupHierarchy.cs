namespace RootCause.Lab;

/// <summary>
/// A mounted cgroup hierarchy the lab puts its members in: a v1 hierarchy holding cpu, cpuacct or memory, or the
/// v2 (unified) one. On hybrid hosts the v2 hierarchy holds no cpu or memory controller but is still joined, so that
/// a member's v2 path (what eBPF's cgroup id names) is its own.
/// </summary>
/// <param name="Controllers">The controllers the lab may use here (cpu, cpuacct, memory).</param>
internal sealed record CgroupHierarchy(string MountPoint, bool IsUnified, IReadOnlySet<string> Controllers)
{
    private static readonly string[] Wanted = ["cpu", "cpuacct", "memory"];

    public bool Has(string controller) => Controllers.Contains(controller);

    /// <summary>The hierarchies to join, from a mounts table (/proc/self/mounts).</summary>
    public static IReadOnlyList<CgroupHierarchy> Discover(string mountsFile = "/proc/self/mounts")
    {
        var found = new List<CgroupHierarchy>();
        foreach (var line in File.ReadLines(mountsFile))
        {
            var fields = line.Split(' ');
            if (fields.Length < 4)
            {
                continue;
            }

            var mountPoint = fields[1].Replace("\\040", " ", StringComparison.Ordinal);
            if (found.Any(h => h.MountPoint == mountPoint))
            {
                continue;
            }

            if (fields[2] == "cgroup2")
            {
                var available = File.Exists(Path.Combine(mountPoint, "cgroup.controllers"))
                    ? File.ReadAllText(Path.Combine(mountPoint, "cgroup.controllers")).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [];
                found.Add(new CgroupHierarchy(mountPoint, true, available.Intersect(Wanted).ToHashSet(StringComparer.Ordinal)));
            }
            else if (fields[2] == "cgroup")
            {
                var controllers = fields[3].Split(',').Intersect(Wanted).ToHashSet(StringComparer.Ordinal);
                if (controllers.Count > 0)
                {
                    found.Add(new CgroupHierarchy(mountPoint, false, controllers));
                }
            }
        }

        return found;
    }
}
