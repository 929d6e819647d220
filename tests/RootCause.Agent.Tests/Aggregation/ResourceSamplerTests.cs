using System.Globalization;
using RootCause.Agent.Aggregation;
using RootCause.Agent.Identity;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Aggregation;

public sealed class ResourceSamplerTests : IDisposable
{
    private static readonly CgroupMembership Catalog = new("/", "/rclab/catalog", "/rclab/catalog", "/rclab/catalog");
    private readonly FakeCgroupTree tree = new();
    private readonly DirectoryInfo proc = Directory.CreateTempSubdirectory("rc-proc-");

    public void Dispose()
    {
        tree.Dispose();
        proc.Delete(recursive: true);
    }

    [Fact]
    public void A_cgroup_instance_gets_the_whole_cgroups_cpu_and_memory_with_its_limits()
    {
        // The server (pid 10) used 0.3 s; a busy loop in the same cgroup that never touched the network used 4 s more.
        Process(10, ticks: 100, rssPages: 10);
        CatalogCgroup(cpuNs: 10_000_000_000, memory: 500_000_000);
        var sampler = new ResourceSampler(proc.FullName, cgroups: new CgroupReader(tree.Hybrid));
        var target = new ResourceTarget("catalog@node-1", [10], [Catalog]);

        var first = sampler.Sample([target], "node-1");
        Process(10, ticks: 130, rssPages: 10);
        CatalogCgroup(cpuNs: 14_300_000_000, memory: 520_000_000);
        var second = sampler.Sample([target], "node-1");

        Assert.Equal(0, Instance(first).CpuSeconds);
        var catalog = Instance(second);
        Assert.Equal(4.3, catalog.CpuSeconds, 9);
        Assert.Equal((520_000_000L, 0.5, 268_435_456L), (catalog.MemoryBytes, catalog.CpuLimitCores, catalog.MemoryLimitBytes));
    }

    [Fact]
    public void Without_a_cgroup_an_instance_is_the_sum_of_its_processes()
    {
        Process(10, ticks: 100, rssPages: 10);
        Process(11, ticks: 50, rssPages: 5);
        var sampler = new ResourceSampler(proc.FullName, cgroups: new CgroupReader(tree.Hybrid));
        var target = new ResourceTarget("web@node-1", [10, 11], []);

        sampler.Sample([target], "node-1");
        Process(10, ticks: 150, rssPages: 10);
        Process(11, ticks: 75, rssPages: 5);
        var web = Instance(sampler.Sample([target], "node-1"));

        Assert.Equal((0.75, 15L * Environment.SystemPageSize, 0.0, 0L), (web.CpuSeconds, web.MemoryBytes, web.CpuLimitCores, web.MemoryLimitBytes));
    }

    [Fact]
    public void A_cgroup_that_cannot_be_read_falls_back_to_the_processes()
    {
        Process(10, ticks: 100, rssPages: 10);
        var sampler = new ResourceSampler(proc.FullName, cgroups: new CgroupReader(tree.Hybrid));
        var target = new ResourceTarget("catalog@node-1", [10], [Catalog]);

        sampler.Sample([target], "node-1");
        Process(10, ticks: 120, rssPages: 10);
        var catalog = Instance(sampler.Sample([target], "node-1"));

        Assert.Equal((0.2, 10L * Environment.SystemPageSize), (catalog.CpuSeconds, catalog.MemoryBytes));
    }

    [Fact]
    public void A_cgroup_instance_whose_processes_all_exited_is_still_sampled_from_its_cgroup()
    {
        CatalogCgroup(cpuNs: 1_000_000_000, memory: 1000);
        var sampler = new ResourceSampler(proc.FullName, cgroups: new CgroupReader(tree.Hybrid));
        var target = new ResourceTarget("catalog@node-1", [999], [Catalog]);

        sampler.Sample([target], "node-1");
        CatalogCgroup(cpuNs: 1_500_000_000, memory: 1000);

        Assert.Equal(0.5, Instance(sampler.Sample([target], "node-1")).CpuSeconds, 9);
    }

    [Fact]
    public void A_cgroup_inside_another_of_the_same_instance_counts_once()
    {
        CatalogCgroup(cpuNs: 1_000_000_000, memory: 100);
        tree.Write("cpuacct", "/rclab/catalog/worker", "cpuacct.usage", "400000000").Write("memory", "/rclab/catalog/worker", "memory.usage_in_bytes", "40");
        var worker = new CgroupMembership("/", "/rclab/catalog/worker", "/rclab/catalog/worker", "/rclab/catalog/worker");
        var sampler = new ResourceSampler(proc.FullName, cgroups: new CgroupReader(tree.Hybrid));
        var target = new ResourceTarget("catalog@node-1", [], [Catalog, worker]);

        sampler.Sample([target], "node-1");
        CatalogCgroup(cpuNs: 2_000_000_000, memory: 100);
        tree.Write("cpuacct", "/rclab/catalog/worker", "cpuacct.usage", "900000000");

        var catalog = Instance(sampler.Sample([target], "node-1"));
        Assert.Equal((1.0, 100L), (catalog.CpuSeconds, catalog.MemoryBytes));
    }

    private static ResourceSample Instance(IReadOnlyList<ResourceSample> samples) => Assert.Single(samples, s => s.Kind == ResourceKind.Instance);

    private void CatalogCgroup(long cpuNs, long memory) =>
        tree.Write("cpuacct", "/rclab/catalog", "cpuacct.usage", cpuNs.ToString(CultureInfo.InvariantCulture))
            .Write("cpu", "/rclab/catalog", "cpu.cfs_quota_us", "50000")
            .Write("cpu", "/rclab/catalog", "cpu.cfs_period_us", "100000")
            .Write("memory", "/rclab/catalog", "memory.usage_in_bytes", memory.ToString(CultureInfo.InvariantCulture))
            .Write("memory", "/rclab/catalog", "memory.limit_in_bytes", "268435456");

    private void Process(int pid, long ticks, long rssPages)
    {
        var folder = Directory.CreateDirectory(Path.Combine(proc.FullName, pid.ToString(CultureInfo.InvariantCulture))).FullName;
        File.WriteAllText(Path.Combine(folder, "stat"), $"{pid} (busy loop) R 1 1 1 0 -1 0 0 0 0 0 {ticks} 0 0 0 20 0 1 0 1 1 1");
        File.WriteAllText(Path.Combine(folder, "statm"), $"100 {rssPages} 0 0 0 0 0");
    }
}
