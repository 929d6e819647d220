using System.Globalization;
using RootCause.Agent.Identity;

namespace RootCause.Agent.Aggregation;

/// <summary>
/// Reads a cgroup's CPU time, working set and limits, from the v1 hierarchies where the process has a
/// non-root path there (hybrid hosts) and from the v2 hierarchy otherwise. The root cgroup is never read: it is
/// the whole machine, not a service.
/// </summary>
internal sealed class CgroupReader
{
    /// <summary>
    /// Memory limits at or above this (1 EiB) mean "no limit": v1 writes an unlimited group as
    /// 9223372036854771712 bytes, and nobody limits a service to an exbibyte.
    /// </summary>
    public const long UnlimitedMemoryBytes = 1L << 60;

    private readonly CgroupLayout layout;

    public CgroupReader(CgroupLayout layout)
    {
        this.layout = layout;
    }

    /// <summary>The cgroup's usage and limits; null when none of its folders can be read (it is gone).</summary>
    public CgroupUsage? Read(CgroupMembership cgroup)
    {
        var (cpuFolder, cpuNs) = ReadCpuTime(cgroup);
        var memory = ReadMemory(cgroup);
        var cpuLimit = ReadCpuLimit(cgroup);
        var memoryLimit = ReadMemoryLimit(cgroup);
        if (cpuNs is null && memory is null && cpuLimit is null && memoryLimit is null)
        {
            return null;
        }

        return new CgroupUsage(cpuFolder, cpuNs, memory, cpuLimit ?? 0, memoryLimit ?? 0);
    }

    private (string? Folder, long? Nanoseconds) ReadCpuTime(CgroupMembership cgroup)
    {
        if (Folder(layout.V1("cpuacct"), cgroup.CpuAccounting) is { } v1 && ReadNumber(Path.Combine(v1, "cpuacct.usage")) is { } ns)
        {
            return (v1, ns);
        }

        if (Folder(layout.Unified, cgroup.Unified) is { } v2 && ReadField(Path.Combine(v2, "cpu.stat"), "usage_usec") is { } us)
        {
            return (v2, us * 1000);
        }

        return (null, null);
    }

    private long? ReadMemory(CgroupMembership cgroup)
    {
        if (Folder(layout.V1("memory"), cgroup.Memory) is { } v1 && ReadNumber(Path.Combine(v1, "memory.usage_in_bytes")) is { } usage)
        {
            return Math.Max(0, usage - (ReadField(Path.Combine(v1, "memory.stat"), "total_inactive_file") ?? 0));
        }

        if (Folder(layout.Unified, cgroup.Unified) is { } v2 && ReadNumber(Path.Combine(v2, "memory.current")) is { } current)
        {
            return Math.Max(0, current - (ReadField(Path.Combine(v2, "memory.stat"), "inactive_file") ?? 0));
        }

        return null;
    }

    /// <summary>Cores the group may use; 0 when no quota applies; null when no folder could be read.</summary>
    private double? ReadCpuLimit(CgroupMembership cgroup)
    {
        var v1Mount = layout.V1("cpu");
        if (Folder(v1Mount, cgroup.Cpu) is { } v1 && Directory.Exists(v1))
        {
            return Tightest(v1, v1Mount!, folder =>
            {
                var quota = ReadNumber(Path.Combine(folder, "cpu.cfs_quota_us"));
                var period = ReadNumber(Path.Combine(folder, "cpu.cfs_period_us"));
                return quota > 0 && period > 0 ? (double)quota.Value / period.Value : null;
            });
        }

        if (Folder(layout.Unified, cgroup.Unified) is { } v2 && Directory.Exists(v2))
        {
            return Tightest(v2, layout.Unified!, folder =>
            {
                // "max 100000" (no quota) or "50000 100000".
                var parts = Read(Path.Combine(folder, "cpu.max"))?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return parts is { Length: 2 } && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var quota) &&
                    long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var period) && quota > 0 && period > 0
                    ? (double)quota / period
                    : null;
            });
        }

        return null;
    }

    /// <summary>The memory limit; 0 when unlimited; null when no folder could be read.</summary>
    private long? ReadMemoryLimit(CgroupMembership cgroup)
    {
        var v1Mount = layout.V1("memory");
        if (Folder(v1Mount, cgroup.Memory) is { } v1 && Directory.Exists(v1))
        {
            return (long)Tightest(v1, v1Mount!, folder => Limit(ReadNumber(Path.Combine(folder, "memory.limit_in_bytes"))));
        }

        if (Folder(layout.Unified, cgroup.Unified) is { } v2 && Directory.Exists(v2))
        {
            // "max" when unlimited: not a number, so no limit from this level.
            return (long)Tightest(v2, layout.Unified!, folder => Limit(ReadNumber(Path.Combine(folder, "memory.max"))));
        }

        return null;
    }

    private static double? Limit(long? bytes) => bytes is > 0 and < UnlimitedMemoryBytes ? bytes.Value : null;

    /// <summary>The smallest limit of the folder and its ancestors up to the mount point (a parent's limit binds its children); 0 when none.</summary>
    private static double Tightest(string folder, CgroupMount mount, Func<string, double?> limitOf)
    {
        double? tightest = null;
        var top = mount.MountPoint.TrimEnd('/');
        for (var current = folder; current is not null && current.Length >= top.Length; current = Path.GetDirectoryName(current))
        {
            if (limitOf(current) is { } limit && (tightest is null || limit < tightest))
            {
                tightest = limit;
            }
        }

        return tightest ?? 0;
    }

    private static string? Folder(CgroupMount? mount, string? path) =>
        mount is null || path is null || path == "/" ? null : mount.Folder(path);

    private static long? ReadNumber(string path) =>
        long.TryParse(Read(path)?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A "key value" line of a flat-keyed file such as cpu.stat or memory.stat.</summary>
    private static long? ReadField(string path, string key)
    {
        foreach (var line in (Read(path) ?? string.Empty).Split('\n'))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space == key.Length && line.StartsWith(key, StringComparison.Ordinal) &&
                long.TryParse(line.AsSpan(space + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
