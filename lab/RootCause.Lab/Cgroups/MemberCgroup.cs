using System.Globalization;

namespace RootCause.Lab;

/// <summary>
/// One member's cgroup, "rclab/&lt;member&gt;" in every hierarchy the lab joins: where its processes go, and the
/// CPU and memory limits and counters the faults set and read (v1 or v2 files, whichever holds the controller).
/// </summary>
internal sealed class MemberCgroup
{
    /// <summary>v1 writes "no limit" as -1 and reads it back as a page-aligned LONG_MAX; anything this large is no limit.</summary>
    private const long V1Unlimited = 1L << 62;

    private readonly IReadOnlyList<CgroupHierarchy> hierarchies;

    public MemberCgroup(string member, IReadOnlyList<CgroupHierarchy> hierarchies)
    {
        Member = member;
        this.hierarchies = hierarchies;
    }

    public string Member { get; }

    /// <summary>Its directory in each hierarchy.</summary>
    public IReadOnlyList<string> Directories => hierarchies.Select(DirectoryIn).ToArray();

    /// <summary>The cgroup.procs file in each hierarchy, which a process writes its pid into to join.</summary>
    public IReadOnlyList<string> ProcsFiles => Directories.Select(d => Path.Combine(d, "cgroup.procs")).ToArray();

    public bool Exists => Directories.Any(Directory.Exists);

    public void Create()
    {
        foreach (var directory in Directories)
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>The pids in the cgroup, over every hierarchy.</summary>
    public IReadOnlyList<int> ProcessIds() => Directories.SelectMany(ReadPids).Distinct().ToArray();

    public CpuQuota GetCpuQuota()
    {
        var (directory, unified) = Controller("cpu");
        if (unified)
        {
            // cpu.max: "max 100000" or "20000 100000".
            var fields = Read(directory, "cpu.max").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new CpuQuota(fields[0] == "max" ? null : Long(fields[0]), Long(fields[1]));
        }

        var quota = Long(Read(directory, "cpu.cfs_quota_us"));
        return new CpuQuota(quota < 0 ? null : quota, Long(Read(directory, "cpu.cfs_period_us")));
    }

    public void SetCpuQuota(CpuQuota quota)
    {
        var (directory, unified) = Controller("cpu");
        if (unified)
        {
            Write(directory, "cpu.max", $"{(quota.QuotaMicroseconds is { } q ? Text(q) : "max")} {Text(quota.PeriodMicroseconds)}");
            return;
        }

        Write(directory, "cpu.cfs_period_us", Text(quota.PeriodMicroseconds));
        Write(directory, "cpu.cfs_quota_us", quota.QuotaMicroseconds is { } value ? Text(value) : "-1");
    }

    /// <summary>CPU time the cgroup's processes used so far (v1 cpuacct.usage, v2 cpu.stat usage_usec).</summary>
    public TimeSpan CpuUsage()
    {
        var (directory, unified) = Controller(hierarchies.Any(h => h.Has("cpuacct")) ? "cpuacct" : "cpu");
        return unified
            ? TimeSpan.FromMicroseconds(Stat(directory, "cpu.stat", "usage_usec"))
            : TimeSpan.FromTicks(Long(Read(directory, "cpuacct.usage")) / 100);
    }

    /// <summary>Periods in which the cgroup used up its quota and was throttled (cpu.stat nr_throttled).</summary>
    public long ThrottledPeriods()
    {
        var (directory, _) = Controller("cpu");
        return Stat(directory, "cpu.stat", "nr_throttled");
    }

    /// <summary>The memory limit in bytes; null for none.</summary>
    public long? GetMemoryLimit()
    {
        var (directory, unified) = Controller("memory");
        if (unified)
        {
            var text = Read(directory, "memory.max");
            return text == "max" ? null : Long(text);
        }

        var limit = Long(Read(directory, "memory.limit_in_bytes"));
        return limit >= V1Unlimited ? null : limit;
    }

    /// <summary>Sets the memory limit (null: none) and keeps swap out of it, so that going over it is an OOM kill, not swapping.</summary>
    public void SetMemoryLimit(long? bytes)
    {
        var (directory, unified) = Controller("memory");
        var value = bytes is { } b ? Text(b) : unified ? "max" : "-1";
        if (unified)
        {
            Write(directory, "memory.max", value);
            if (File.Exists(Path.Combine(directory, "memory.swap.max")))
            {
                Write(directory, "memory.swap.max", bytes is null ? "max" : "0");
            }

            return;
        }

        // v1 demands memsw >= limit at every step: lower the limit first, raise memsw first.
        var memsw = File.Exists(Path.Combine(directory, "memory.memsw.limit_in_bytes"));
        if (bytes is null)
        {
            if (memsw)
            {
                Write(directory, "memory.memsw.limit_in_bytes", "-1");
            }

            Write(directory, "memory.limit_in_bytes", "-1");
            return;
        }

        Write(directory, "memory.limit_in_bytes", value);
        if (memsw)
        {
            Write(directory, "memory.memsw.limit_in_bytes", value);
        }
    }

    /// <summary>Memory charged to the cgroup now, in bytes.</summary>
    public long MemoryUsage()
    {
        var (directory, unified) = Controller("memory");
        return Long(Read(directory, unified ? "memory.current" : "memory.usage_in_bytes"));
    }

    /// <summary>How often the kernel's OOM killer killed a process in this cgroup (0 when the kernel does not say).</summary>
    public long OomKills()
    {
        var (directory, unified) = Controller("memory");
        var path = Path.Combine(directory, unified ? "memory.events" : "memory.oom_control");
        if (!File.Exists(path))
        {
            return 0;
        }

        return Stat(directory, unified ? "memory.events" : "memory.oom_control", "oom_kill");
    }

    /// <summary>Kills what is left in the cgroup and removes its directories; bounded, throws <see cref="LabException"/> when one stays.</summary>
    public async Task RemoveAsync(CancellationToken cancellationToken)
    {
        await KillAllAsync(cancellationToken);
        var problems = new List<string>();
        foreach (var directory in Directories.Where(Directory.Exists))
        {
            try
            {
                Directory.Delete(directory);
            }
            catch (IOException e)
            {
                problems.Add($"{directory}: {e.Message}");
            }
        }

        if (problems.Count > 0)
        {
            throw new LabException($"cgroup {Member} not removed: {string.Join("; ", problems)}");
        }
    }

    /// <summary>SIGKILLs every process in the cgroup and waits (bounded) until it is empty.</summary>
    public async Task KillAllAsync(CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (ProcessIds() is { Count: > 0 } pids)
        {
            if (TimeProvider.System.GetElapsedTime(deadline) > TimeSpan.FromSeconds(10))
            {
                throw new LabException($"cgroup {Member} still holds processes {string.Join(", ", pids)} after SIGKILL");
            }

            foreach (var pid in pids)
            {
                await ProcessRunner.SignalAsync(pid, "KILL", cancellationToken);
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private string DirectoryIn(CgroupHierarchy hierarchy) => Path.Combine(hierarchy.MountPoint, LabLayout.CgroupRoot, Member);

    private (string Directory, bool Unified) Controller(string controller)
    {
        var hierarchy = hierarchies.FirstOrDefault(h => h.Has(controller))
            ?? throw new LabException($"no cgroup hierarchy with the {controller} controller is mounted");
        return (DirectoryIn(hierarchy), hierarchy.IsUnified);
    }

    /// <summary>A "key value" line of a flat-keyed cgroup file; 0 when the key is absent.</summary>
    private static long Stat(string directory, string file, string key)
    {
        var line = Read(directory, file).Split('\n').FirstOrDefault(l => l.StartsWith(key + " ", StringComparison.Ordinal));
        return line is null ? 0 : Long(line[(key.Length + 1)..]);
    }

    private static IEnumerable<int> ReadPids(string directory)
    {
        var path = Path.Combine(directory, "cgroup.procs");
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return File.ReadAllLines(path).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static string Read(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException e)
        {
            throw new LabException($"cannot read {path}: {e.Message}", e);
        }
    }

    private static void Write(string directory, string file, string value)
    {
        var path = Path.Combine(directory, file);
        try
        {
            File.WriteAllText(path, value);
        }
        catch (IOException e)
        {
            throw new LabException($"cannot write \"{value}\" to {path}: {e.Message}", e);
        }
    }

    private static long Long(string text) => long.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
