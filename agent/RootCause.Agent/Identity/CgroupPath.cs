using System.Text.RegularExpressions;

namespace RootCause.Agent.Identity;

/// <summary>Reads container and pod identity out of cgroup paths (cgroupfs and systemd drivers, v1 and v2).</summary>
internal static partial class CgroupPath
{
    /// <summary>Picks the most telling path from /proc/&lt;pid&gt;/cgroup lines ("id:controllers:path").</summary>
    public static string? Choose(IEnumerable<string> lines)
    {
        string? unified = null;
        string? fallback = null;
        foreach (var line in lines)
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
            {
                continue;
            }

            if (parts[0] == "0" && parts[1].Length == 0)
            {
                unified = parts[2];
            }
            else if (parts[1].Split(',').Contains("memory") || (fallback is null && parts[1].Contains("cpu", StringComparison.Ordinal)))
            {
                fallback = parts[2];
            }
        }

        // On hybrid hosts the v2 path is "/" while the v1 hierarchies hold the container's path.
        return unified is not null && unified != "/" ? unified : fallback ?? unified;
    }

    /// <summary>The 64-hex container id at the end of a container's cgroup path, if any.</summary>
    public static string? ContainerId(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var match = ContainerIdPattern().Match(path);
        return match.Success ? match.Groups["id"].Value : null;
    }

    /// <summary>The pod UID from a kubepods path ("pod&lt;uid&gt;", dashes written as underscores under systemd).</summary>
    public static string? PodUid(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var match = PodUidPattern().Match(path);
        return match.Success ? match.Groups["uid"].Value.Replace('_', '-') : null;
    }

    /// <summary>
    /// The pod-level cgroup above a container's ("/kubepods/burstable/pod&lt;uid&gt;/&lt;id&gt;" → "/kubepods/burstable/pod&lt;uid&gt;"):
    /// it holds every container of the pod. The path itself when it is not under a pod.
    /// </summary>
    public static string PodDirectory(string path)
    {
        var match = PodUidPattern().Match(path);
        if (!match.Success)
        {
            return path;
        }

        var end = path.IndexOf('/', match.Index + match.Length);
        return end < 0 ? path : path[..end];
    }

    [GeneratedRegex(@"(?:^|[/-])(?:docker-|cri-containerd-|crio-|containerd-)?(?<id>[0-9a-f]{64})(?:\.scope)?/?$")]
    private static partial Regex ContainerIdPattern();

    [GeneratedRegex(@"kubepods.*?pod(?<uid>[0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12})")]
    private static partial Regex PodUidPattern();
}
