using System.Globalization;
using RootCause.Contracts;

namespace RootCause.Agent.Aggregation;

/// <summary>
/// CPU and memory per instance (summed over its pids) and for the node, from procfs; run-queue delay per
/// instance from the kernel's per-pid sums (a pid is watched from the first interval it is active in, so its
/// delay counts from the second).
/// </summary>
internal sealed class ResourceSampler
{
    // USER_HZ is 100 on every Linux architecture the agent runs on.
    private const double TicksPerSecond = 100;

    private readonly string procRoot;
    private readonly IRunQueueProbe? runQueue;
    private readonly Dictionary<int, long> lastTicks = [];
    private readonly Dictionary<int, long> lastRunQueueNs = [];
    private long lastNodeBusyTicks = -1;

    public ResourceSampler(string procRoot = "/proc", IRunQueueProbe? runQueue = null)
    {
        this.procRoot = procRoot;
        this.runQueue = runQueue;
    }

    /// <param name="pidInstances">pid → instance id of the processes active in the interval.</param>
    public IReadOnlyList<ResourceSample> Sample(IReadOnlyDictionary<int, string> pidInstances, string node)
    {
        var cpu = new Dictionary<string, double>(StringComparer.Ordinal);
        var memory = new Dictionary<string, long>(StringComparer.Ordinal);
        var runQueueDelay = new Dictionary<string, double>(StringComparer.Ordinal);
        var seen = new HashSet<int>();
        foreach (var (pid, instance) in pidInstances)
        {
            seen.Add(pid);
            runQueueDelay[instance] = runQueueDelay.GetValueOrDefault(instance) + RunQueueDelaySeconds(pid);
            var ticks = ReadProcessTicks(pid);
            var rss = ReadProcessRss(pid);
            if (ticks < 0)
            {
                // Exited before the sample: its CPU is lost with it.
                continue;
            }

            var delta = lastTicks.TryGetValue(pid, out var previous) ? ticks - previous : 0;
            lastTicks[pid] = ticks;
            cpu[instance] = cpu.GetValueOrDefault(instance) + Math.Max(0, delta) / TicksPerSecond;
            memory[instance] = memory.GetValueOrDefault(instance) + Math.Max(0, rss);
        }

        foreach (var gone in lastTicks.Keys.Where(p => !seen.Contains(p)).ToArray())
        {
            lastTicks.Remove(gone);
        }

        foreach (var gone in lastRunQueueNs.Keys.Where(p => !seen.Contains(p)).ToArray())
        {
            lastRunQueueNs.Remove(gone);
            runQueue?.Forget(gone);
        }

        var samples = cpu.Keys
            .Select(i => new ResourceSample(ResourceKind.Instance, i, cpu[i], 0, memory[i], 0, runQueueDelay.GetValueOrDefault(i), 0))
            .ToList();
        samples.Add(SampleNode(node));
        return samples;
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
