using RootCause.Agent.Aggregation;
using RootCause.Agent.Tests.Aggregation;
using RootCause.Agent.Connections;
using RootCause.Agent.Events;
using RootCause.Agent.Identity;
using RootCause.Agent.Tests.Events;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Connections;

public sealed class DropAndOomTests
{
    private const byte Open = 2;
    private const byte Drop = 8;
    private const byte Client = 1;
    private const byte Server = 2;

    // An excerpt of /sys/kernel/tracing/events/skb/kfree_skb/format on 6.18.
    private const string KfreeSkbFormat =
        "print fmt: \"skbaddr=%p rx_sk=%p protocol=%u location=%pS reason: %s\", REC->skbaddr, REC->rx_sk, REC->protocol, REC->location, " +
        "__print_symbolic(REC->reason, { 2, \"NOT_SPECIFIED\" }, { 3, \"NO_SOCKET\" }, { 12, \"NETFILTER_DROP\" }, { 33, \"TCP_OLD_DATA\" }, { 45, \"QUEUE_PURGE\" }, { 128, \"MAX\" })";

    private readonly EventProcessor processor = new(
        "node-a", new ServiceResolver("node-a", ServiceMapping.Empty, NoPods.Instance), new Processes(), dropReasons: DropReasonNames.Parse(KfreeSkbFormat));

    private MetricBatch Flush(IReadOnlyList<ResourceSample>? resources = null) =>
        processor.Flush("agent", DateTimeOffset.UnixEpoch, 10, resources ?? [], nowNs: 0);

    [Fact]
    public void Drop_reasons_are_named_from_the_tracepoint_format_and_unknown_ones_by_number()
    {
        var names = DropReasonNames.Parse(KfreeSkbFormat);
        Assert.Equal(("NETFILTER_DROP", "TCP_OLD_DATA", "reason 77"), (names.Name(12), names.Name(33), names.Name(77)));
        Assert.Equal("reason 12", DropReasonNames.Parse("garbage { x, \"Y\" }").Name(12));
    }

    [Fact]
    public void Drops_on_a_tracked_socket_and_on_the_untracked_peer_of_a_tracked_client_land_on_that_edge()
    {
        // curl (200) → 10.231.1.2:9311, whose server in another namespace was never accepted (untracked).
        processor.ProcessRecord(EventBytes.Connection(Open, 11, Client, 200, "curl", "10.231.1.1:40000", "10.231.1.2:9311", 1_000));
        processor.ProcessRecord(EventBytes.Connection(Drop, 11, Client, 200, "curl", "10.231.1.1:40000", "10.231.1.2:9311", 2_000, dropReason: 33));
        for (var i = 0; i < 3; i++)
        {
            // The namespace's socket: no owner (pid 0), seen from its own side.
            processor.ProcessRecord(EventBytes.Connection(Drop, 0, 0, 0, string.Empty, "10.231.1.2:9311", "10.231.1.1:40000", 3_000 + i, dropReason: 12));
        }

        // A socket nobody here knows: counted, on no edge.
        processor.ProcessRecord(EventBytes.Connection(Drop, 0, 0, 0, string.Empty, "10.9.9.9:443", "10.9.9.8:5000", 4_000, dropReason: 12));

        var edge = Assert.Single(Flush().Network);
        Assert.Equal(("curl@node-a", "10.231.1.2:9311", 4L, 0L), (edge.SourceInstance, edge.Destination, edge.Drops, edge.Retransmits));
        Assert.Equal((5L, 1L), (processor.Counters.Drops, processor.Counters.UnattributedDrops));
        Assert.Equal(4, processor.Counters.DropReasons["NETFILTER_DROP"]);
        Assert.Equal(1, processor.Counters.DropReasons["TCP_OLD_DATA"]);
    }

    [Fact]
    public void Buffers_purged_when_a_socket_closes_are_counted_by_reason_but_are_no_loss_on_the_edge()
    {
        processor.ProcessRecord(EventBytes.Connection(Open, 11, Client, 200, "curl", "127.0.0.1:40000", "127.0.0.1:8080", 1_000));
        processor.ProcessRecord(EventBytes.Connection(Drop, 11, Client, 200, "curl", "127.0.0.1:40000", "127.0.0.1:8080", 2_000, dropReason: 45));
        processor.ProcessRecord(EventBytes.Connection(Drop, 11, Client, 200, "curl", "127.0.0.1:40000", "127.0.0.1:8080", 3_000, dropReason: 12));

        var edge = Assert.Single(Flush().Network);
        Assert.Equal(1L, edge.Drops);
        Assert.Equal((1, 1), (processor.Counters.DropReasons["QUEUE_PURGE"], processor.Counters.DropReasons["NETFILTER_DROP"]));
    }

    [Fact]
    public void Drops_of_a_local_server_socket_go_on_the_callers_edge()
    {
        processor.ProcessRecord(EventBytes.Connection(Open, 11, Client, 200, "curl", "127.0.0.1:40000", "127.0.0.1:8080", 1_000));
        processor.ProcessRecord(EventBytes.Connection(Open, 22, Server, 100, "web", "127.0.0.1:8080", "127.0.0.1:40000", 1_100));
        processor.ProcessRecord(EventBytes.Connection(Drop, 22, Server, 100, "web", "127.0.0.1:8080", "127.0.0.1:40000", 2_000, dropReason: 12));

        var edge = Assert.Single(Flush().Network);
        Assert.Equal(("curl@node-a", "web@node-a", 1L), (edge.SourceInstance, edge.Destination, edge.Drops));
    }

    [Fact]
    public void Oom_kills_go_to_the_victims_instance_and_the_node_even_when_its_cpu_sample_is_gone()
    {
        processor.ProcessRecord(EventBytes.Connection(Open, 22, Server, 100, "web", "127.0.0.1:8080", "127.0.0.1:40000", 1_000));
        processor.ProcessRecord(EventBytes.OomKill(100, "web", 2_000));
        processor.ProcessRecord(EventBytes.OomKill(100, "web", 3_000));
        processor.ProcessRecord(EventBytes.OomKill(300, "stress-ng", 4_000));

        var batch = Flush([
            new ResourceSample(ResourceKind.Instance, "web@node-a", 1.5, 0, 1000, 0, 0.25, 0),
            new ResourceSample(ResourceKind.Node, "node-a", 3, 2, 5000, 9000, 0, 0),
        ]);

        var web = batch.Resources.Single(r => r.Id == "web@node-a");
        Assert.Equal((1.5, 0.25, 2L), (web.CpuSeconds, web.RunQueueDelaySeconds, web.OomKills));
        Assert.Equal(1, batch.Resources.Single(r => r.Id == "stress-ng@node-a").OomKills);
        Assert.Equal(3, batch.Resources.Single(r => r.Kind == ResourceKind.Node).OomKills);
        Assert.Contains(batch.Instances, i => i.Instance == "stress-ng@node-a");
        Assert.All(Flush().Resources, r => Assert.Equal(0, r.OomKills));
    }

    [Theory]
    [InlineData(new byte[] { 9 })]
    [InlineData(new byte[] { 9, 0, 0, 0, 0, 0, 0, 0 })]
    public void Truncated_oom_records_are_counted_not_thrown(byte[] record)
    {
        processor.ProcessRecord(record);
        Assert.Equal(1, processor.Counters.TruncatedRecords);
    }

    [Fact]
    public void An_oom_record_without_a_pid_is_invalid()
    {
        processor.ProcessRecord(EventBytes.OomKill(0, "x", 1));
        Assert.Equal((1L, 0L), (processor.Counters.InvalidRecords, processor.Counters.OomKills));
    }

    [Fact]
    public void Run_queue_delay_is_summed_per_instance_from_the_second_interval_and_forgotten_pids_are_unwatched()
    {
        var proc = Directory.CreateTempSubdirectory("rc-proc-");
        try
        {
            foreach (var pid in new[] { 10, 11, 12 })
            {
                Directory.CreateDirectory(Path.Combine(proc.FullName, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                File.WriteAllText(Path.Combine(proc.FullName, $"{pid}/stat"), $"{pid} (w) S 1 1 1 0 -1 0 0 0 0 0 100 50 0 0 20 0 1 0 1 1 1");
                File.WriteAllText(Path.Combine(proc.FullName, $"{pid}/statm"), "100 10 0 0 0 0 0");
            }

            var probe = new FakeRunQueue();
            var sampler = new ResourceSampler(proc.FullName, probe);
            var pids = new Dictionary<int, string> { [10] = "web@n:1", [11] = "web@n:1", [12] = "db@n:2" };

            var first = sampler.Sample(Targets.ByPid(pids), "n");
            probe.Add(10, 200_000_000);
            probe.Add(11, 50_000_000);
            probe.Add(12, 1_000_000);
            var second = sampler.Sample(Targets.ByPid(pids), "n");
            probe.Add(12, 4_000_000);
            var third = sampler.Sample(Targets.ByPid(new Dictionary<int, string> { [12] = "db@n:2" }), "n");

            Assert.All(first, s => Assert.Equal(0, s.RunQueueDelaySeconds));
            Assert.Equal(0.25, second.Single(s => s.Id == "web@n:1").RunQueueDelaySeconds, 9);
            Assert.Equal(0.001, second.Single(s => s.Id == "db@n:2").RunQueueDelaySeconds, 9);
            Assert.Equal(0.004, third.Single(s => s.Id == "db@n:2").RunQueueDelaySeconds, 9);
            Assert.Equal([12], probe.Watched);
        }
        finally
        {
            proc.Delete(recursive: true);
        }
    }

    private sealed class FakeRunQueue : IRunQueueProbe
    {
        private readonly Dictionary<int, long> sums = [];

        public IEnumerable<int> Watched => sums.Keys.Order();

        public void Add(int pid, long ns) => sums[pid] += ns;

        public bool Watch(int pid) => sums.TryAdd(pid, 0) || true;

        public bool TryRead(int pid, out long delayNs) => sums.TryGetValue(pid, out delayNs);

        public void Forget(int pid) => sums.Remove(pid);
    }

    private sealed class Processes : IProcessSource
    {
        public ProcessInfo Describe(int pid, string comm) => new(pid, comm, [], null);
    }
}
