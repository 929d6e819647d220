namespace RootCause.Agent.Aggregation;

/// <summary>
/// Where the cgroup hierarchies are mounted, from /proc/self/mountinfo: the v2 hierarchy (at /sys/fs/cgroup on
/// v2-only hosts, often /sys/fs/cgroup/unified on hybrid ones) and each v1 controller's (cpu, cpuacct and
/// memory may share one mount, "cpu,cpuacct", or have their own).
/// </summary>
internal sealed class CgroupLayout
{
    private readonly IReadOnlyDictionary<string, CgroupMount> controllers;

    public CgroupLayout(CgroupMount? unified, IReadOnlyDictionary<string, CgroupMount> controllers)
    {
        Unified = unified;
        this.controllers = controllers;
    }

    public static CgroupLayout None { get; } = new(null, new Dictionary<string, CgroupMount>());

    public CgroupMount? Unified { get; }

    /// <summary>The v1 hierarchy that holds <paramref name="controller"/> ("cpu", "cpuacct", "memory"), if mounted.</summary>
    public CgroupMount? V1(string controller) => controllers.GetValueOrDefault(controller);

    /// <summary>Reads &lt;procRoot&gt;/self/mountinfo; no cgroup mounts (or no file) is an empty layout.</summary>
    public static CgroupLayout Read(string procRoot = "/proc")
    {
        try
        {
            return Parse(File.ReadAllText(Path.Combine(procRoot, "self", "mountinfo")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return None;
        }
    }

    /// <summary>
    /// Parses mountinfo lines: "id parent major:minor root mount-point options [optional…] - fstype source super-options".
    /// The first mount of each hierarchy wins (later ones are bind mounts of it).
    /// </summary>
    public static CgroupLayout Parse(string mountinfo)
    {
        CgroupMount? unified = null;
        var controllers = new Dictionary<string, CgroupMount>(StringComparer.Ordinal);
        foreach (var line in mountinfo.Split('\n'))
        {
            var fields = line.Split(' ');
            var separator = Array.IndexOf(fields, "-");
            if (separator < 6 || fields.Length < separator + 4)
            {
                continue;
            }

            var mount = new CgroupMount(Unescape(fields[4]), Unescape(fields[3]));
            switch (fields[separator + 1])
            {
                case "cgroup2":
                    unified ??= mount;
                    break;
                case "cgroup":
                    foreach (var option in fields[separator + 3].Split(','))
                    {
                        if (option is "cpu" or "cpuacct" or "memory")
                        {
                            controllers.TryAdd(option, mount);
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        return new CgroupLayout(unified, controllers);
    }

    // mountinfo writes space, tab, newline and backslash in paths as octal escapes.
    private static string Unescape(string field) =>
        field.Replace("\\040", " ", StringComparison.Ordinal).Replace("\\011", "\t", StringComparison.Ordinal)
            .Replace("\\012", "\n", StringComparison.Ordinal).Replace("\\134", "\\", StringComparison.Ordinal);
}
