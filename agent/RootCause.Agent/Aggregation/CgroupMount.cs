namespace RootCause.Agent.Aggregation;

/// <summary>One mounted cgroup hierarchy: where it is mounted and which cgroup its mount point shows.</summary>
/// <param name="Root">The hierarchy's path shown at the mount point ("/" unless a sub-tree is mounted).</param>
internal sealed record CgroupMount(string MountPoint, string Root)
{
    /// <summary>The folder of cgroup <paramref name="path"/> (as /proc/&lt;pid&gt;/cgroup writes it) under this mount.</summary>
    public string Folder(string path)
    {
        var relative = Root != "/" && (path == Root || path.StartsWith(Root + "/", StringComparison.Ordinal)) ? path[Root.Length..] : path;
        return MountPoint.TrimEnd('/') + (relative.Length == 0 ? string.Empty : relative.TrimEnd('/'));
    }
}
