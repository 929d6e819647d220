using RootCause.Agent.Aggregation;
using RootCause.Agent.Identity;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Aggregation;

public sealed class BatchAssemblerTests
{
    private static readonly CgroupMembership Db = new("/", "/rclab/db", "/rclab/db", "/rclab/db");
    private readonly BatchAssembler assembler = new();

    private MetricBatch Flush(IReadOnlyList<ResourceSample>? resources = null) =>
        assembler.Flush("agent", "node-1", DateTimeOffset.UnixEpoch, 10, [], resources ?? []);

    [Fact]
    public void A_later_sighting_adds_the_address_and_a_more_telling_kind_but_never_loses_them()
    {
        assembler.AddInstance(new InstanceInfo("db@node-1", "db", "node-1"), 10, null);
        assembler.AddInstance(new InstanceInfo("db@node-1", "db", "node-1", "10.0.0.20:5432", ServiceKind.Database), 11, null);
        assembler.AddInstance(new InstanceInfo("db@node-1", "db", "node-1"), 12, null);

        Assert.Equal(new InstanceInfo("db@node-1", "db", "node-1", "10.0.0.20:5432", ServiceKind.Database), Assert.Single(Flush().Instances));
    }

    [Fact]
    public void Resource_targets_gather_every_pid_and_cgroup_of_an_instance_for_one_interval()
    {
        assembler.AddInstance(new InstanceInfo("db@node-1", "db", "node-1"), 10, Db);
        assembler.AddInstance(new InstanceInfo("db@node-1", "db", "node-1"), 11, Db);
        assembler.AddInstance(new InstanceInfo("curl@node-1", "curl", "node-1"), 30, null);

        var targets = assembler.ResourceTargets().ToDictionary(t => t.Instance);
        Assert.Equal([10, 11], targets["db@node-1"].Pids.Order());
        Assert.Equal([Db], targets["db@node-1"].Cgroups);
        Assert.Empty(targets["curl@node-1"].Cgroups);

        Flush();
        Assert.Empty(assembler.ResourceTargets());
    }

    [Fact]
    public void Operations_beyond_the_cap_of_a_service_become_other()
    {
        for (var i = 0; i <= BatchAssembler.MaxOperationsPerService; i++)
        {
            assembler.AddServed("web", $"GET /p{i}", "web@node-1", "external", RequestOutcome.Ok, 0.01);
        }

        var golden = Flush().Golden;
        Assert.Equal(BatchAssembler.MaxOperationsPerService + 1, golden.Count);
        Assert.Equal(1, Assert.Single(golden, g => g.Operation == BatchAssembler.OverflowOperation).Stats.Requests);
    }

    [Fact]
    public void Oom_kills_land_on_the_instances_sample_or_a_sample_of_their_own_and_on_the_node()
    {
        assembler.AddOomKill("web@node-1");
        assembler.AddOomKill("tail@node-1");

        var resources = Flush([
            new ResourceSample(ResourceKind.Instance, "web@node-1", 1, 0, 10, 0, 0, 0),
            new ResourceSample(ResourceKind.Node, "node-1", 2, 2, 20, 40, 0, 0),
        ]).Resources;

        Assert.Equal((1L, 1L, 2L), (
            resources.Single(r => r.Id == "web@node-1").OomKills,
            resources.Single(r => r.Id == "tail@node-1").OomKills,
            resources.Single(r => r.Kind == ResourceKind.Node).OomKills));
    }
}
