using RootCause.Agent.Connections;
using RootCause.Agent.Identity;
using RootCause.Agent.Tests.Events;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Connections;

public sealed class EventProcessorTests
{
    private const byte Open = 2;
    private const byte ConnectFailure = 3;
    private const byte Close = 4;
    private const byte Retransmit = 6;
    private const byte Client = 1;
    private const byte Server = 2;

    private readonly EventProcessor processor = new("node-a", new ServiceResolver("node-a", ServiceMapping.Empty, NoPods.Instance), new FixedProcesses());

    private void Feed(byte[] record) => processor.ProcessRecord(record);

    private MetricBatch Flush() => processor.Flush("agent", DateTimeOffset.UnixEpoch, 10, [], nowNs: 0);

    /// <summary>A loopback call recorded from both sides: curl (pid 200) → web (pid 100) on 127.0.0.1:8080.</summary>
    private void RecordedLoopbackCall(int requests)
    {
        Feed(EventBytes.Connection(Open, 11, Client, 200, "curl", "127.0.0.1:40000", "127.0.0.1:8080", 1_000));
        Feed(EventBytes.Connection(Open, 22, Server, 100, "web", "127.0.0.1:8080", "127.0.0.1:40000", 1_100));
        for (var i = 0; i < requests; i++)
        {
            var t = 10_000_000L * (i + 1);
            var status = i % 3 == 2 ? "500 Boom" : "200 OK";
            Feed(EventBytes.Data(11, ingress: false, "GET /items/42 HTTP/1.1\r\nHost: web\r\n\r\n", t));
            Feed(EventBytes.Data(22, ingress: true, "GET /items/42 HTTP/1.1\r\nHost: web\r\n\r\n", t + 10_000));
            Feed(EventBytes.Data(22, ingress: false, $"HTTP/1.1 {status}\r\nContent-Length: 2\r\n\r\nok", t + 2_010_000));
            Feed(EventBytes.Data(11, ingress: true, $"HTTP/1.1 {status}\r\nContent-Length: 2\r\n\r\nok", t + 2_050_000));
        }
    }

    [Fact]
    public void Both_sides_of_a_loopback_call_become_golden_and_call_samples_with_names()
    {
        RecordedLoopbackCall(requests: 6);
        Feed(EventBytes.Connection(Close, 11, Client, 200, "curl", "127.0.0.1:40000", "127.0.0.1:8080", 90_000_000, srttUs: 50, bytesAcked: 300, bytesReceived: 500));

        var batch = Flush();

        var served = Assert.Single(batch.Golden);
        Assert.Equal(("web", "GET /items/{id}", "web@node-a", "curl"), (served.Service, served.Operation, served.Instance, served.Caller));
        Assert.Equal((6L, 2L, 0L), (served.Stats.Requests, served.Stats.Errors, served.Stats.ClientErrors));
        Assert.Equal(6 * 0.002, served.Stats.LatencySumSeconds, 9);
        Assert.Equal(6, served.Stats.LatencyCounts[LatencyBuckets.IndexOf(0.002)]);

        var call = Assert.Single(batch.Calls);
        Assert.Equal(("curl", "curl@node-a", "web", "GET /items/{id}"), (call.Caller, call.CallerInstance, call.Callee, call.Operation));
        Assert.Equal(6, call.Stats.Requests);
        Assert.Equal(6 * 0.00205, call.Stats.LatencySumSeconds, 9);

        var edge = Assert.Single(batch.Network);
        Assert.Equal(("curl@node-a", "web@node-a", 1L, 300L, 500L, 1L), (edge.SourceInstance, edge.Destination, edge.Connects, edge.BytesSent, edge.BytesReceived, edge.RttSamples));
        Assert.Contains(batch.Instances, i => i.Instance == "web@node-a" && i.Address == "127.0.0.1:8080");
    }

    [Fact]
    public void Connect_failures_and_retransmits_land_on_the_client_edge()
    {
        Feed(EventBytes.Connection(ConnectFailure, 31, Client, 200, "curl", "127.0.0.1:40001", "127.0.0.1:9", 1));
        Feed(EventBytes.Connection(Open, 32, Client, 200, "curl", "10.0.0.1:40002", "10.0.0.2:5432", 2));
        Feed(EventBytes.Connection(Retransmit, 32, Client, 200, "curl", "10.0.0.1:40002", "10.0.0.2:5432", 3));
        Feed(EventBytes.Connection(Retransmit, 32, Client, 200, "curl", "10.0.0.1:40002", "10.0.0.2:5432", 4));

        var batch = Flush();

        Assert.Equal(1, batch.Network.Single(n => n.Destination == "127.0.0.1:9").ConnectFailures);
        var lossy = batch.Network.Single(n => n.Destination == "10.0.0.2:5432");
        Assert.Equal((1L, 2L), (lossy.Connects, lossy.Retransmits));
    }

    [Fact]
    public void Truncated_garbage_and_orphan_records_are_counted_and_change_nothing()
    {
        RecordedLoopbackCall(requests: 1);
        var valid = EventBytes.Data(22, ingress: true, "GET /x HTTP/1.1\r\n\r\n", 5);
        Feed(valid[..10]);                                   // shorter than the header
        Feed(valid[..(EventBytes.DataHeader + 3)]);          // payload cut short
        Feed([]);
        Feed([99, 1, 2, 3]);                                 // unknown kind
        var lying = (byte[])valid.Clone();
        lying[2] = 0xff;
        lying[3] = 0x7f;                                     // captured beyond the payload area
        Feed(lying);
        Feed(EventBytes.Data(12345, ingress: true, "GET /orphan HTTP/1.1\r\n\r\n", 6));
        Feed(EventBytes.Connection(Open, 1, Client, 1, "x", "127.0.0.1:1", "127.0.0.1:2", 0)[..50]);
        var random = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            var noise = new byte[random.Next(0, 700)];
            random.NextBytes(noise);
            Feed(noise);
        }

        var c = processor.Counters;
        Assert.True(c.TruncatedRecords >= 4, c.ToString());
        Assert.True(c.InvalidRecords >= 1, c.ToString());
        Assert.True(c.UnknownRecords >= 1, c.ToString());
        Assert.True(c.OrphanData >= 1, c.ToString());

        // The table survived: the recorded connection still pairs.
        Feed(EventBytes.Data(11, ingress: false, "GET /still HTTP/1.1\r\n\r\n", 100_000_000));
        Feed(EventBytes.Data(22, ingress: true, "GET /still HTTP/1.1\r\n\r\n", 100_000_100));
        Feed(EventBytes.Data(22, ingress: false, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 100_001_000));
        var batch = Flush();
        Assert.Contains(batch.Golden, g => g.Operation == "GET /still" && g.Stats.Requests == 1);
    }

    [Fact]
    public void Small_records_reserved_for_short_messages_decode_like_full_ones()
    {
        RecordedLoopbackCall(requests: 0);
        var small = EventBytes.Data(22, ingress: true, "GET /small HTTP/1.1\r\n\r\n", 10)[..(EventBytes.DataHeader + 192)];
        Feed(small);
        Feed(EventBytes.Data(22, ingress: false, "HTTP/1.1 200 OK\r\n\r\n", 20)[..(EventBytes.DataHeader + 192)]);

        Assert.Equal(0, processor.Counters.TruncatedRecords);
        Assert.Equal(1, Assert.Single(Flush().Golden).Stats.Requests);
    }

    [Fact]
    public void A_short_lived_client_keeps_its_kernel_name_after_it_exits()
    {
        // FixedProcesses knows nothing of pid 300: like a curl that exited before /proc could be read.
        Feed(EventBytes.Connection(Open, 41, Client, 300, "curl", "127.0.0.1:41000", "127.0.0.1:8080", 1));
        Feed(EventBytes.Connection(Open, 42, Server, 100, "web", "127.0.0.1:8080", "127.0.0.1:41000", 2));
        Feed(EventBytes.Data(41, ingress: false, "GET /q HTTP/1.1\r\n\r\n", 10));
        Feed(EventBytes.Connection(Close, 41, Client, 300, "curl", "127.0.0.1:41000", "127.0.0.1:8080", 11));
        Feed(EventBytes.Data(42, ingress: true, "GET /q HTTP/1.1\r\n\r\n", 12));
        Feed(EventBytes.Data(42, ingress: false, "HTTP/1.1 200 OK\r\n\r\n", 13));

        var served = Assert.Single(Flush().Golden);
        Assert.Equal("curl", served.Caller);
    }

    private sealed class FixedProcesses : IProcessSource
    {
        public ProcessInfo Describe(int pid, string comm) => new(pid, comm, [], null);
    }
}
