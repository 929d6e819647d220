using RootCause.Agent.Connections;
using RootCause.Agent.Identity;
using RootCause.Agent.Tests.Events;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Connections;

/// <summary>What the processor sends about instances on live data: stable ids, kinds, who is sampled.</summary>
public sealed class LiveInstanceTests
{
    private const byte Open = 2;
    private const byte Stats = 5;
    private const byte Client = 1;
    private const byte Server = 2;
    private static readonly CgroupMembership CatalogDb = new("/", "/rclab/catalog-db", "/rclab/catalog-db", "/rclab/catalog-db");

    private static EventProcessor Processor(string mapping = "") =>
        new("node-1", new ServiceResolver("node-1", ServiceMapping.Parse(mapping, "lab.map"), NoPods.Instance), new LabProcesses());

    private static MetricBatch Flush(EventProcessor processor) => processor.Flush("agent", DateTimeOffset.UnixEpoch, 10, [], nowNs: 0);

    [Fact]
    public void A_listener_on_a_database_port_is_a_database_in_every_batch_while_it_lives()
    {
        var processor = Processor();
        processor.ProcessRecord(EventBytes.Connection(Open, 1, Server, 500, "engine", "10.231.0.20:5432", "10.231.0.11:50000", 1));
        var first = Flush(processor);
        processor.ProcessRecord(EventBytes.Connection(Stats, 1, Server, 500, "engine", "10.231.0.20:5432", "10.231.0.11:50000", 2, srttUs: 40));
        var second = Flush(processor);

        Assert.All([first, second], b => Assert.Equal(ServiceKind.Database, Assert.Single(b.Instances, i => i.Service == "engine").Kind));
    }

    [Fact]
    public void The_mapping_files_kind_wins_over_the_listeners_port()
    {
        var processor = Processor("sessions comm=engine kind=cache");
        processor.ProcessRecord(EventBytes.Connection(Open, 1, Server, 500, "engine", "10.231.0.20:5432", "10.231.0.11:50000", 1));
        var instance = Assert.Single(Flush(processor).Instances);
        Assert.Equal(("sessions@node-1", ServiceKind.Cache), (instance.Instance, instance.Kind));
    }

    [Fact]
    public void A_client_seen_before_its_listener_is_upgraded_to_the_listeners_kind_in_the_same_batch()
    {
        var processor = Processor();
        processor.ProcessRecord(EventBytes.Connection(Open, 1, Client, 500, "engine", "10.231.0.20:41000", "10.231.0.1:8080", 1));
        processor.ProcessRecord(EventBytes.Connection(Open, 2, Server, 500, "engine", "10.231.0.20:6379", "10.231.0.12:50000", 2));
        var instance = Assert.Single(Flush(processor).Instances);
        Assert.Equal((ServiceKind.Cache, "10.231.0.20:6379"), (instance.Kind, instance.Address));
    }

    [Fact]
    public void PostgreSQL_backends_and_a_restarted_postmaster_are_one_instance_read_from_its_cgroup()
    {
        var processor = Processor("catalog-db cgroup=rclab/catalog-db kind=database");
        processor.ProcessRecord(EventBytes.Connection(Open, 1, Client, 300, "catalog", "10.231.0.11:50000", "10.231.0.20:5432", 1));
        processor.ProcessRecord(EventBytes.Connection(Open, 2, Server, 101, "postgres", "10.231.0.20:5432", "10.231.0.11:50000", 2));
        processor.ProcessRecord(EventBytes.Connection(Open, 3, Client, 300, "catalog", "10.231.0.11:50001", "10.231.0.20:5432", 3));
        processor.ProcessRecord(EventBytes.Connection(Open, 4, Server, 102, "postgres", "10.231.0.20:5432", "10.231.0.11:50001", 4));
        processor.ProcessRecord(EventBytes.Connection(Open, 5, Client, 300, "catalog", "10.231.0.11:50002", "10.231.0.20:5432", 5));
        processor.ProcessRecord(EventBytes.Connection(Open, 6, Server, 7777, "postgres", "10.231.0.20:5432", "10.231.0.11:50002", 6));

        var target = Assert.Single(processor.ResourceTargets(), t => t.Instance == "catalog-db@node-1");
        var batch = Flush(processor);

        Assert.Equal([101, 102, 7777], target.Pids.Order());
        Assert.Equal([CatalogDb], target.Cgroups);
        Assert.Equal(new InstanceInfo("catalog-db@node-1", "catalog-db", "node-1", "10.231.0.20:5432", ServiceKind.Database), Assert.Single(batch.Instances, i => i.Service == "catalog-db"));
        var edge = Assert.Single(batch.Network);
        Assert.Equal(("catalog@node-1", "catalog-db@node-1", 3L), (edge.SourceInstance, edge.Destination, edge.Connects));
    }

    [Fact]
    public void The_owners_of_idle_keep_alive_connections_are_still_listed_and_sampled()
    {
        var processor = Processor();
        processor.ProcessRecord(EventBytes.Connection(Open, 1, Client, 300, "catalog", "10.231.0.11:50000", "10.231.0.20:5432", 1));
        Flush(processor);

        Assert.Equal(["catalog@node-1"], processor.ResourceTargets().Select(t => t.Instance));
        Assert.Equal("catalog@node-1", Assert.Single(Flush(processor).Instances).Instance);
    }

    /// <summary>postgres processes live in the lab's catalog-db cgroup; anything else in none.</summary>
    private sealed class LabProcesses : IProcessSource
    {
        public ProcessInfo Describe(int pid, string comm) =>
            comm == "postgres" ? new ProcessInfo(pid, comm, ["postgres"], CatalogDb.Memory, CatalogDb) : new ProcessInfo(pid, comm, [], null);
    }
}
