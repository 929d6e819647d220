namespace RootCause.Lab;

/// <summary>
/// The lab's cgroups: "rclab" under the root of every hierarchy it joins, one child per member. On a v2 host the
/// cpu and memory controllers are enabled for the children (the root's and rclab's cgroup.subtree_control).
/// </summary>
internal sealed class LabCgroups
{
    private static readonly string[] DelegatedControllers = ["cpu", "memory"];

    public LabCgroups(IReadOnlyList<CgroupHierarchy> hierarchies)
    {
        if (!hierarchies.Any(h => h.Has("cpu")) || !hierarchies.Any(h => h.Has("memory")))
        {
            throw new LabException("the lab needs the cpu and memory cgroup controllers; mounted: "
                + (hierarchies.Count == 0 ? "no cgroup hierarchy" : string.Join(", ", hierarchies.Select(h => $"{h.MountPoint} [{string.Join(',', h.Controllers)}]"))));
        }

        Hierarchies = hierarchies;
    }

    public IReadOnlyList<CgroupHierarchy> Hierarchies { get; }

    /// <summary>The "rclab" directory in each hierarchy.</summary>
    public IReadOnlyList<string> RootDirectories => Hierarchies.Select(h => Path.Combine(h.MountPoint, LabLayout.CgroupRoot)).ToArray();

    public static LabCgroups Discover() => new(CgroupHierarchy.Discover());

    public MemberCgroup Member(string member) => new(member, Hierarchies);

    /// <summary>Creates the "rclab" directories and, on v2, delegates cpu and memory to them.</summary>
    public void CreateRoot()
    {
        foreach (var hierarchy in Hierarchies)
        {
            var root = Path.Combine(hierarchy.MountPoint, LabLayout.CgroupRoot);
            Directory.CreateDirectory(root);
            if (hierarchy.IsUnified && hierarchy.Controllers.Count > 0)
            {
                var enable = string.Join(' ', DelegatedControllers.Where(hierarchy.Has).Select(c => "+" + c));
                EnableControllers(hierarchy.MountPoint, enable);
                EnableControllers(root, enable);
            }
        }
    }

    /// <summary>Removes every member cgroup (killing what is left in it) and the "rclab" directories; each failure is returned.</summary>
    public async Task<IReadOnlyList<string>> RemoveAllAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var members = RootDirectories.Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var member in members)
        {
            try
            {
                await Member(member).RemoveAsync(cancellationToken);
            }
            catch (LabException e)
            {
                problems.Add(e.Message);
            }
        }

        foreach (var root in RootDirectories.Where(Directory.Exists))
        {
            try
            {
                // Processes may sit in "rclab" itself when a crashed run left them there.
                foreach (var pid in ReadPids(root))
                {
                    await ProcessRunner.SignalAsync(pid, "KILL", cancellationToken);
                }

                Directory.Delete(root);
            }
            catch (IOException e)
            {
                problems.Add($"cgroup {root} not removed: {e.Message}");
            }
        }

        return problems;
    }

    private static IEnumerable<int> ReadPids(string directory) =>
        File.ReadAllLines(Path.Combine(directory, "cgroup.procs")).Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture));

    private static void EnableControllers(string directory, string enable)
    {
        var path = Path.Combine(directory, "cgroup.subtree_control");
        try
        {
            File.WriteAllText(path, enable);
        }
        catch (IOException e)
        {
            throw new LabException($"cannot enable \"{enable}\" in {path}: {e.Message}", e);
        }
    }
}
