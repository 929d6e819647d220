namespace RootCause.Lab.Tests.Infrastructure;

/// <summary>The cgroup code on fake hierarchies (plain folders), so the v2-only and the hybrid layouts are both checked on any host.</summary>
public sealed class CgroupFilesTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "cgroup-files-" + Guid.NewGuid().ToString("N")[..8]);

    public CgroupFilesTests()
    {
        Directory.CreateDirectory(root);
    }

    [Fact]
    public void A_hybrid_host_joins_the_v1_cpu_cpuacct_and_memory_hierarchies_and_the_empty_v2_one()
    {
        var unified = Folder("unified");
        File.WriteAllText(Path.Combine(unified, "cgroup.controllers"), "hugetlb\n");
        var mounts = Mounts(
            $"tmpfs {root} tmpfs rw 0 0",
            $"cgroup {root}/cpu cgroup rw,relatime,cpu 0 0",
            $"cgroup {root}/cpuacct cgroup rw,relatime,cpuacct 0 0",
            $"cgroup {root}/memory cgroup rw,relatime,memory 0 0",
            $"cgroup {root}/pids cgroup rw,relatime,pids 0 0",
            $"cgroup2 {unified} cgroup2 rw,relatime 0 0");

        var found = CgroupHierarchy.Discover(mounts);

        Assert.Equal([$"{root}/cpu", $"{root}/cpuacct", $"{root}/memory", unified], found.Select(h => h.MountPoint));
        Assert.Equal([false, false, false, true], found.Select(h => h.IsUnified));
        Assert.Empty(found[3].Controllers);
        Assert.Equal(
            [$"{root}/cpu/rclab/payment/cgroup.procs", $"{root}/cpuacct/rclab/payment/cgroup.procs", $"{root}/memory/rclab/payment/cgroup.procs", $"{unified}/rclab/payment/cgroup.procs"],
            new LabCgroups(found).Member("payment").ProcsFiles);
    }

    [Fact]
    public void A_v2_host_joins_the_one_hierarchy_that_holds_cpu_and_memory()
    {
        var v2 = Folder("v2");
        File.WriteAllText(Path.Combine(v2, "cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
        var found = CgroupHierarchy.Discover(Mounts($"cgroup2 {v2} cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate 0 0"));

        var only = Assert.Single(found);
        Assert.True(only.IsUnified);
        Assert.Equal(["cpu", "memory"], only.Controllers.Order());
    }

    [Fact]
    public void A_v2_cgroup_reads_and_writes_cpu_max_memory_max_and_its_counters()
    {
        var v2 = Folder("v2");
        var cgroups = new LabCgroups([new CgroupHierarchy(v2, true, new HashSet<string> { "cpu", "memory" })]);
        var member = cgroups.Member("cart");
        member.Create();
        var directory = Path.Combine(v2, "rclab", "cart");
        File.WriteAllText(Path.Combine(directory, "cpu.max"), "max 100000\n");
        File.WriteAllText(Path.Combine(directory, "memory.max"), "max\n");
        File.WriteAllText(Path.Combine(directory, "memory.swap.max"), "max\n");
        File.WriteAllText(Path.Combine(directory, "memory.current"), "52428800\n");
        File.WriteAllText(Path.Combine(directory, "memory.events"), "low 0\nhigh 0\nmax 12\noom 2\noom_kill 2\noom_group_kill 0\n");
        File.WriteAllText(Path.Combine(directory, "cpu.stat"), "usage_usec 1500000\nuser_usec 1000000\nsystem_usec 500000\nnr_periods 40\nnr_throttled 7\nthrottled_usec 90000\n");

        Assert.Equal(new CpuQuota(null, 100_000), member.GetCpuQuota());
        member.SetCpuQuota(new CpuQuota(5_000, 100_000));
        Assert.Equal("5000 100000", File.ReadAllText(Path.Combine(directory, "cpu.max")));
        Assert.Equal(new CpuQuota(5_000, 100_000), member.GetCpuQuota());
        Assert.Null(member.GetMemoryLimit());
        member.SetMemoryLimit(104_857_600);
        Assert.Equal("104857600", File.ReadAllText(Path.Combine(directory, "memory.max")));
        Assert.Equal("0", File.ReadAllText(Path.Combine(directory, "memory.swap.max")));
        member.SetMemoryLimit(null);
        Assert.Equal("max", File.ReadAllText(Path.Combine(directory, "memory.max")));
        Assert.Equal("max", File.ReadAllText(Path.Combine(directory, "memory.swap.max")));
        Assert.Equal(52_428_800, member.MemoryUsage());
        Assert.Equal(2, member.OomKills());
        Assert.Equal(TimeSpan.FromSeconds(1.5), member.CpuUsage());
        Assert.Equal(7, member.ThrottledPeriods());
    }

    [Fact]
    public void A_v1_cgroup_writes_no_limit_as_minus_one_and_reads_the_page_aligned_maximum_as_none()
    {
        var cpu = Folder("cpu");
        var memory = Folder("memory");
        var cgroups = new LabCgroups([new CgroupHierarchy(cpu, false, new HashSet<string> { "cpu" }), new CgroupHierarchy(memory, false, new HashSet<string> { "memory" })]);
        var member = cgroups.Member("payment");
        member.Create();
        var cpuDirectory = Path.Combine(cpu, "rclab", "payment");
        var memoryDirectory = Path.Combine(memory, "rclab", "payment");
        File.WriteAllText(Path.Combine(cpuDirectory, "cpu.cfs_quota_us"), "-1\n");
        File.WriteAllText(Path.Combine(cpuDirectory, "cpu.cfs_period_us"), "100000\n");
        File.WriteAllText(Path.Combine(memoryDirectory, "memory.limit_in_bytes"), "9223372036854771712\n");
        File.WriteAllText(Path.Combine(memoryDirectory, "memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n");

        Assert.Equal(new CpuQuota(null, 100_000), member.GetCpuQuota());
        Assert.Null(member.GetMemoryLimit());
        Assert.Equal(3, member.OomKills());
        member.SetCpuQuota(new CpuQuota(20_000, 100_000));
        Assert.Equal("20000", File.ReadAllText(Path.Combine(cpuDirectory, "cpu.cfs_quota_us")));
        member.SetCpuQuota(new CpuQuota(null, 100_000));
        Assert.Equal("-1", File.ReadAllText(Path.Combine(cpuDirectory, "cpu.cfs_quota_us")));
        member.SetMemoryLimit(null);
        Assert.Equal("-1", File.ReadAllText(Path.Combine(memoryDirectory, "memory.limit_in_bytes")));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Folder(string name)
    {
        var path = Path.Combine(root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private string Mounts(params string[] lines)
    {
        var path = Path.Combine(root, "mounts");
        File.WriteAllLines(path, lines);
        return path;
    }
}
