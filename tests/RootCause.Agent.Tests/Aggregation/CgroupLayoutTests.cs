using RootCause.Agent.Aggregation;

namespace RootCause.Agent.Tests.Aggregation;

public sealed class CgroupLayoutTests
{
    // This machine's /proc/self/mountinfo (hybrid: v1 controllers apart, v2 at unified).
    private const string Hybrid = """
        31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
        33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
        35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
        41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        """;

    [Fact]
    public void A_hybrid_hosts_mounts_give_each_controller_and_the_unified_hierarchy()
    {
        var layout = CgroupLayout.Parse(Hybrid);
        Assert.Equal("/sys/fs/cgroup/cpu", layout.V1("cpu")!.MountPoint);
        Assert.Equal("/sys/fs/cgroup/cpuacct", layout.V1("cpuacct")!.MountPoint);
        Assert.Equal("/sys/fs/cgroup/memory", layout.V1("memory")!.MountPoint);
        Assert.Equal("/sys/fs/cgroup/unified", layout.Unified!.MountPoint);
    }

    [Fact]
    public void Co_mounted_controllers_and_optional_fields_are_read()
    {
        var layout = CgroupLayout.Parse(
            "25 20 0:23 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:9 - cgroup cgroup rw,cpu,cpuacct\n" +
            "26 20 0:24 / /sys/fs/cgroup/memory rw,nosuid shared:10 master:1 - cgroup cgroup rw,memory\n");
        Assert.Equal(("/sys/fs/cgroup/cpu,cpuacct", "/sys/fs/cgroup/cpu,cpuacct"), (layout.V1("cpu")!.MountPoint, layout.V1("cpuacct")!.MountPoint));
        Assert.Null(layout.Unified);
    }

    [Fact]
    public void A_v2_only_host_has_no_v1_controllers()
    {
        var layout = CgroupLayout.Parse("30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate\n");
        Assert.Equal(("/sys/fs/cgroup", null), (layout.Unified!.MountPoint, layout.V1("memory")));
    }

    [Fact]
    public void A_mounted_sub_tree_maps_paths_below_its_root()
    {
        var mount = new CgroupMount("/host/cgroup", "/kubepods");
        Assert.Equal("/host/cgroup/burstable/pod1", mount.Folder("/kubepods/burstable/pod1"));
        Assert.Equal("/host/cgroup", mount.Folder("/kubepods"));
        Assert.Equal("/sys/fs/cgroup/cpu/rclab/a", new CgroupMount("/sys/fs/cgroup/cpu", "/").Folder("/rclab/a/"));
    }

    [Fact]
    public void Garbage_and_a_missing_file_are_an_empty_layout()
    {
        Assert.Null(CgroupLayout.Parse("not mountinfo\n1 2 3\n").Unified);
        Assert.Null(CgroupLayout.Read("/nonexistent-proc").V1("cpu"));
    }
}
