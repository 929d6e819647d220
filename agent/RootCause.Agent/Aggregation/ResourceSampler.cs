using System.Globalization;
using RootCause.Agent.Identity;
using RootCause.Contracts;

namespace RootCause.Agent.Aggregation;

/// <summary>
/// CPU and memory per instance and for the node; run-queue delay per instance from the kernel's per-pid sums (a
/// pid is watched from the first interval it is active in, so its delay counts from the second). An instance
/// whose identity came from its cgroup gets the whole cgroup's CPU time and working set (every process in it,
/// also those that never touch the network) and its limits; any other instance, or one whose cgroup cannot be
/// read, the sum over its processes from procfs.
/// </summary>
internal sealed class ResourceSampler
{
    // USER_HZ is 100 on every Linux architecture the agent runs on.
    private const double TicksPerSecond = 100;

    private readonly string procRoot;
    private readonly IRunQueueProbe? runQueue;
    private readonly CgroupReader cgroups;
    private readonly Dictionary<int, long> lastTicks = [];
    private readonly Dictionary<int, long> lastRunQueueNs = [];
    private readonly Dictionary<string, long> lastCgroupCpuNs = new(StringComparer.Ordinal);
    private long lastNodeBusyTicks = -1;

    public ResourceSampler(string procRoot = "/proc", IRunQueueProbe? runQueue = null, CgroupReader? cgroups = null)
    {
        this.procRoot = procRoot;
        this.runQueue = runQueue;
        this.cgroups = cgroups ?? new CgroupReader(CgroupLayout.Read(procRoot));
    }

    public IReadOnlyList<ResourceSample> Sample(IReadOnlyCollection<ResourceTarget> targets, string node)
    {
        var samples = new List<ResourceSample>(targets.Count + 1);
        var seenPids = new HashSet<int>();
        var cgroupCpu = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var byPids = SamplePids(target.Pids, seenPids);
            var byCgroup = SampleCgroups(target.Cgroups, cgroupCpu);
            if (byCgroup is { } c)
            {
                samples.Add(new ResourceSample(
                    ResourceKind.Instance, target.Instance, c.CpuSeconds ?? byPids?.CpuSeconds ?? 0, c.CpuLimitCores,
                    c.MemoryBytes ?? byPids?.MemoryBytes ?? 0, c.MemoryLimitBytes, byPids?.RunQueueDelaySeconds ?? 0, 0));
            }
            else if (byPids is { } p)
            {
                samples.Add(new ResourceSample(ResourceKind.Instance, target.Instance, p.CpuSeconds, 0, p.MemoryBytes, 0, p.RunQueueDelaySeconds, 0));
            }
        }

        foreach (var gone in lastTicks.Keys.Where(p => !seenPids.Contains(p)).ToArray())
        {
            lastTicks.Remove(gone);
        }

        foreach (var gone in lastRunQueueNs.Keys.Where(p => !seenPids.Contains(p)).ToArray())
        {
            lastRunQueueNs.Remove(gone);
            runQueue?.Forget(gone);
        }

        foreach (var gone in lastCgroupCpuNs.Keys.Where(f => !cgroupCpu.ContainsKey(f)).ToArray())
        {
            lastCgroupCpuNs.Remove(gone);
        }

        samples.Add(SampleNode(node));
        return samples;
    }

    /// <summary>CPU since the last sample, resident memory and run-queue delay summed over the pids; null when all exited.</summary>
    private (double CpuSeconds, long MemoryBytes, double RunQueueDelaySeconds)? SamplePids(IEnumerable<int> pids, HashSet<int> seen)
    {
        double cpu = 0, delay = 0;
        long memory = 0;
        var any = false;
        foreach (var pid in pids)
        {
            if (!seen.Add(pid))
            {
                continue;
            }

            delay += RunQueueDelaySeconds(pid);
            var ticks = ReadProcessTicks(pid);
            if (ticks < 0)
            {
                // Exited before the sample: its CPU is lost with it.
                continue;
            }

            any = true;
            var delta = lastTicks.TryGetValue(pid, out var previous) ? ticks - previous : 0;
            lastTicks[pid] = ticks;
            cpu += Math.Max(0, delta) / TicksPerSecond;
            memory += Math.Max(0, ReadProcessRss(pid));
        }

        return any ? (cpu, memory, delay) : null;
    }

    /// <summary>
    /// Usage summed over the cgroups (a cgroup nested in another counts once, in its ancestor) and their limits
    /// (0 when any is unlimited); null when none could be read. CPU counts from the second sample of a cgroup.
    /// </summary>
    private (double? CpuSeconds, long? MemoryBytes, double CpuLimitCores, long MemoryLimitBytes)? SampleCgroups(
        IReadOnlyCollection<CgroupMembership> memberships, Dictionary<string, double> cpuThisSample)
    {
        var read = memberships.Distinct().Select(cgroups.Read).OfType<CgroupUsage>().ToList();
        var usages = read
            .Where(u => u.CpuFolder is not { } folder || !read.Any(o => o.CpuFolder is { } other && folder.StartsWith(other + "/", StringComparison.Ordinal)))
            .ToList();
        if (usages.Count == 0)
        {
            return null;
        }

        double? cpu = null;
        long? memory = null;
        foreach (var usage in usages)
        {
            if (usage.CpuFolder is { } folder && usage.CpuUsageNs is { } ns)
            {
                // Two instances may share a cgroup (rules naming one cgroup twice): each gets its whole usage.
                if (!cpuThisSample.TryGetValue(folder, out var seconds))
                {
                    var delta = lastCgroupCpuNs.TryGetValue(folder, out var previous) ? ns - previous : 0;
                    lastCgroupCpuNs[folder] = ns;
                    cpuThisSample[folder] = seconds = Math.Max(0, delta) / 1e9;
                }

                cpu = (cpu ?? 0) + seconds;
            }

            if (usage.MemoryBytes is { } bytes)
            {
                memory = (memory ?? 0) + bytes;
            }
        }

        var cpuLimit = usages.Any(u => u.CpuLimitCores == 0) ? 0 : usages.Sum(u => u.CpuLimitCores);
        var memoryLimit = usages.Any(u => u.MemoryLimitBytes == 0) ? 0 : usages.Sum(u => u.MemoryLimitBytes);
        return (cpu, memory, cpuLimit, memoryLimit);
    }

    /// <summary>Run-queue delay of <paramref name="pid"/> since the last sample; starts watching it when new.</summary>
    private double RunQueueDelaySeconds(int pid)
    {
        if (runQueue is null)
        {
            return 0;
        }

        if (!lastRunQueueNs.TryGetValue(pid, out var previous))
        {
            if (runQueue.Watch(pid))
            {
                lastRunQueueNs[pid] = runQueue.TryRead(pid, out var start) ? start : 0;
            }

            return 0;
        }

        if (!runQueue.TryRead(pid, out var total))
        {
            return 0;
        }

        lastRunQueueNs[pid] = total;
        return Math.Max(0, total - previous) / 1e9;
    }

    private ResourceSample SampleNode(string node)
    {
        var busy = ReadNodeBusyTicks();
        var delta = lastNodeBusyTicks >= 0 && busy >= 0 ? busy - lastNodeBusyTicks : 0;
        lastNodeBusyTicks = busy;
        var (total, available) = ReadMeminfo();
        return new ResourceSample(ResourceKind.Node, node, Math.Max(0, delta) / TicksPerSecond, Environment.ProcessorCount,
            Math.Max(0, total - available), total, 0, 0);
    }

    private long ReadProcessTicks(int pid)
    {
        var text = Read(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "stat"));
        // The comm field may hold spaces and parentheses: fields are counted after the last ')'.
        var close = text?.LastIndexOf(')') ?? -1;
        if (text is null || close < 0)
        {
            return -1;
        }

        var fields = text[(close + 2)..].Split(' ');
        return fields.Length > 12 &&
            long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user) &&
            long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system)
            ? user + system
            : -1;
    }

    private long ReadProcessRss(int pid)
    {
        var text = Read(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "statm"));
        var fields = text?.Split(' ');
        return fields is { Length: > 1 } && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pages)
            ? pages * Environment.SystemPageSize
            : -1;
    }

    private long ReadNodeBusyTicks()
    {
        var text = Read(Path.Combine(procRoot, "stat"));
        var line = text?.Split('\n').FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        if (line is null)
        {
            return -1;
        }

        // user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
        var values = line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
        return values.Length < 8 ? -1 : values[0] + values[1] + values[2] + values[5] + values[6] + values[7];
    }

    private (long Total, long Available) ReadMeminfo()
    {
        long total = 0, available = 0;
        foreach (var line in (Read(Path.Combine(procRoot, "meminfo")) ?? string.Empty).Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
            {
                if (parts[0] == "MemTotal:")
                {
                    total = kib * 1024;
                }
                else if (parts[0] == "MemAvailable:")
                {
                    available = kib * 1024;
                }
            }
        }

        return (total, available);
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
