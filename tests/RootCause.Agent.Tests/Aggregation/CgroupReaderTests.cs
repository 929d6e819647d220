using RootCause.Agent.Aggregation;
using RootCause.Agent.Identity;

namespace RootCause.Agent.Tests.Aggregation;

public sealed class CgroupReaderTests : IDisposable
{
    private readonly FakeCgroupTree tree = new();

    public void Dispose() => tree.Dispose();

    [Fact]
    public void V1_usage_and_limits_are_read_from_each_controllers_hierarchy()
    {
        tree.Write("cpuacct", "/rclab/catalog", "cpuacct.usage", "2500000000\n")
            .Write("cpu", "/rclab/catalog", "cpu.cfs_quota_us", "50000\n")
            .Write("cpu", "/rclab/catalog", "cpu.cfs_period_us", "100000\n")
            .Write("memory", "/rclab/catalog", "memory.usage_in_bytes", "300000000\n")
            .Write("memory", "/rclab/catalog", "memory.stat", "cache 1000\ninactive_file 7\ntotal_inactive_file 100000000\n")
            .Write("memory", "/rclab/catalog", "memory.limit_in_bytes", "268435456\n");

        var usage = new CgroupReader(tree.Hybrid).Read(new CgroupMembership("/", "/rclab/catalog", "/rclab/catalog", "/rclab/catalog"));

        Assert.Equal(new CgroupUsage(Path.Combine(tree.Root, "cpuacct") + "/rclab/catalog", 2_500_000_000, 200_000_000, 0.5, 268_435_456), usage);
    }

    [Fact]
    public void V2_usage_and_limits_are_read_from_the_unified_hierarchy()
    {
        tree.Write("unified", "/rclab/catalog", "cpu.stat", "usage_usec 1500000\nuser_usec 1000000\nsystem_usec 500000\n")
            .Write("unified", "/rclab/catalog", "cpu.max", "150000 100000\n")
            .Write("unified", "/rclab/catalog", "memory.current", "52428800\n")
            .Write("unified", "/rclab/catalog", "memory.stat", "anon 40000000\nfile 12000000\ninactive_file 2428800\n")
            .Write("unified", "/rclab/catalog", "memory.max", "104857600\n");

        var usage = new CgroupReader(tree.V2Only).Read(new CgroupMembership("/rclab/catalog", null, null, null));

        Assert.Equal(new CgroupUsage(Path.Combine(tree.Root, "unified") + "/rclab/catalog", 1_500_000_000, 50_000_000, 1.5, 104_857_600), usage);
    }

    [Fact]
    public void Unlimited_and_absurdly_large_limits_are_zero()
    {
        tree.Write("unified", "/a", "cpu.max", "max 100000\n").Write("unified", "/a", "memory.max", "max\n").Write("unified", "/a", "cpu.stat", "usage_usec 1\n")
            .Write("cpu", "/b", "cpu.cfs_quota_us", "-1\n").Write("cpu", "/b", "cpu.cfs_period_us", "100000\n")
            .Write("memory", "/b", "memory.limit_in_bytes", "9223372036854771712\n").Write("memory", "/b", "memory.usage_in_bytes", "10\n");

        var v2 = new CgroupReader(tree.V2Only).Read(new CgroupMembership("/a", null, null, null))!;
        var v1 = new CgroupReader(tree.Hybrid).Read(new CgroupMembership("/", "/b", "/b", "/b"))!;

        Assert.Equal((0.0, 0L), (v2.CpuLimitCores, v2.MemoryLimitBytes));
        Assert.Equal((0.0, 0L), (v1.CpuLimitCores, v1.MemoryLimitBytes));
    }

    [Fact]
    public void A_parents_tighter_limit_binds_its_child()
    {
        tree.Write("unified", "/kubepods/pod1", "cpu.max", "200000 100000\n").Write("unified", "/kubepods/pod1", "memory.max", "1073741824\n")
            .Write("unified", "/kubepods/pod1/c1", "cpu.max", "max 100000\n").Write("unified", "/kubepods/pod1/c1", "memory.max", "2147483648\n");

        var usage = new CgroupReader(tree.V2Only).Read(new CgroupMembership("/kubepods/pod1/c1", null, null, null))!;

        Assert.Equal((2.0, 1_073_741_824L), (usage.CpuLimitCores, usage.MemoryLimitBytes));
    }

    [Fact]
    public void A_hybrid_host_with_the_process_only_in_v2_reads_v2_and_the_root_is_never_read()
    {
        tree.Write("unified", "/", "cpu.stat", "usage_usec 99999999\n").Write("unified", "/svc", "cpu.stat", "usage_usec 2000\n");

        var reader = new CgroupReader(tree.Hybrid);

        Assert.Equal(2_000_000, reader.Read(new CgroupMembership("/svc", "/", "/", "/"))!.CpuUsageNs);
        Assert.Null(reader.Read(new CgroupMembership("/", "/", "/", "/")));
    }

    [Fact]
    public void A_removed_cgroup_reads_as_nothing()
    {
        tree.Write("unified", "/gone", "cpu.stat", "usage_usec 5\n");
        tree.Remove("unified", "/gone");
        Assert.Null(new CgroupReader(tree.V2Only).Read(new CgroupMembership("/gone", null, null, null)));
    }
}
