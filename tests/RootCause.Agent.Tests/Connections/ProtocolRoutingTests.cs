using RootCause.Agent.Connections;
using RootCause.Agent.Identity;
using RootCause.Agent.Tests.Events;
using RootCause.Agent.Tests.Protocols;
using RootCause.Agent.Tests.Protocols.Postgres;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Connections;

/// <summary>Records of database and cache connections, built byte for byte like the kernel's, through the router.</summary>
public sealed class ProtocolRoutingTests
{
    private const byte Open = 2;
    private const byte Client = 1;
    private const byte Server = 2;

    private readonly EventProcessor processor = new("node-a", new ServiceResolver("node-a", ServiceMapping.Empty, NoPods.Instance), new UnknownProcesses());

    [Fact]
    public void A_postgresql_exchange_is_a_golden_sample_of_the_database_and_a_call_of_its_caller()
    {
        // catalog (pid 200) → a server named "store" on port 6000: neither name nor port says database.
        Connect(11, 22, "catalog", "store", 6000);
        Both(11, 22, PostgresWire.SslRequest, PostgresWire.SslRefused, 0, PostgresProtocol);
        Both(11, 22, PostgresWire.Startup, PostgresWire.AuthenticatedAndReady, 1_000, PostgresProtocol);
        Both(11, 22, PostgresWire.QueryNoSuchTable, PostgresWire.ErrorNoSuchTable, 10_000_000, PostgresProtocol);
        Both(11, 22, PostgresWire.QuerySelect1, PostgresWire.ResultSelect1, 20_000_000, PostgresProtocol);

        var batch = Flush();

        var served = Assert.Single(batch.Golden);
        Assert.Equal(("store", "SELECT", "store@node-a", "catalog"), (served.Service, served.Operation, served.Instance, served.Caller));
        Assert.Equal((2L, 1L, 0L), (served.Stats.Requests, served.Stats.Errors, served.Stats.ClientErrors));
        Assert.Equal(2 * 0.002, served.Stats.LatencySumSeconds, 9);
        var call = Assert.Single(batch.Calls);
        Assert.Equal(("catalog", "store", "SELECT", 2L, 1L), (call.Caller, call.Callee, call.Operation, call.Stats.Requests, call.Stats.Errors));
        Assert.Equal(2 * 0.00205, call.Stats.LatencySumSeconds, 9);
        Assert.Equal(ServiceKind.Database, batch.Instances.Single(i => i.Service == "store").Kind);
        Assert.Equal(ServiceKind.Service, batch.Instances.Single(i => i.Service == "catalog").Kind);
    }

    [Fact]
    public void A_redis_exchange_makes_its_server_a_cache()
    {
        Connect(31, 32, "cart", "kv", 7000);
        Both(31, 32, Wire.Ascii("*2\r\n$7\r\nHGETALL\r\n$8\r\ncart:ann\r\n"), Wire.Ascii("*0\r\n"), 5_000_000, RedisProtocol);
        Both(31, 32, Wire.Ascii("*2\r\n$3\r\nDEL\r\n$8\r\ncart:ann\r\n"), Wire.Ascii("-ERR busy\r\n"), 6_000_000, RedisProtocol);

        var batch = Flush();

        Assert.Equal(["DEL", "HGETALL"], batch.Golden.Select(g => g.Operation).Order(StringComparer.Ordinal));
        Assert.Equal(1, batch.Golden.Single(g => g.Operation == "DEL").Stats.Errors);
        Assert.All(batch.Golden, g => Assert.Equal(("kv", "cart"), (g.Service, g.Caller)));
        Assert.Equal(2, batch.Calls.Sum(c => c.Stats.Requests));
        Assert.Equal(ServiceKind.Cache, batch.Instances.Single(i => i.Service == "kv").Kind);
    }

    [Fact]
    public void The_copied_tail_of_a_large_write_reaches_the_parser()
    {
        Connect(41, 42, "catalog", "store", 6000);
        Both(41, 42, PostgresWire.SslRequest, PostgresWire.SslRefused, 0, PostgresProtocol);
        Both(41, 42, PostgresWire.Startup, PostgresWire.AuthenticatedAndReady, 1_000, PostgresProtocol);

        // A 3 KB result: only its first 480 and last 32 bytes are copied; its ReadyForQuery is in the tail.
        var rows = PostgresWire.Concat([.. Enumerable.Range(0, 30).Select(_ => PostgresWire.DataRow(new string('x', 100)))]);
        var result = PostgresWire.Concat(rows, PostgresWire.CommandComplete("SELECT 30"), PostgresWire.ReadyForQuery());
        processor.ProcessRecord(EventBytes.Data(42, ingress: true, PostgresWire.Query("SELECT * FROM t"), 10_000, protocol: PostgresProtocol));
        processor.ProcessRecord(EventBytes.Data(42, ingress: false, result, 30_000, protocol: PostgresProtocol, tail: true));

        var served = Assert.Single(Flush().Golden);
        Assert.Equal(("SELECT", 1L, 0.00002), (served.Operation, served.Stats.Requests, served.Stats.LatencySumSeconds));
        Assert.Equal(0, processor.Counters.InvalidRecords);
    }

    [Fact]
    public void Records_with_an_unknown_protocol_or_a_tail_that_cannot_be_are_invalid()
    {
        Connect(51, 52, "catalog", "store", 6000);
        var opaque = EventBytes.Data(52, ingress: true, "SELECT", 1, protocol: 2);
        var shortTail = EventBytes.Data(52, ingress: true, PostgresWire.Query("SELECT 1"), 2, protocol: PostgresProtocol);
        shortTail[1] |= 0x40;
        var reserved = EventBytes.Data(52, ingress: true, "GET / HTTP/1.1\r\n\r\n", 3);
        reserved[1] |= 0x20;

        processor.ProcessRecord(opaque);
        processor.ProcessRecord(shortTail);
        processor.ProcessRecord(reserved);

        Assert.Equal(3, processor.Counters.InvalidRecords);
        Assert.Empty(Flush().Golden);
    }

    private const byte PostgresProtocol = EventBytes.Postgres;
    private const byte RedisProtocol = EventBytes.Redis;

    /// <summary>Client connection <paramref name="clientId"/> of pid 200 to a server connection of pid 100 on 127.0.0.1:<paramref name="port"/>.</summary>
    private void Connect(ulong clientId, ulong serverId, string client, string server, int port)
    {
        processor.ProcessRecord(EventBytes.Connection(Open, clientId, Client, 200, client, "127.0.0.1:40000", $"127.0.0.1:{port}", 1));
        processor.ProcessRecord(EventBytes.Connection(Open, serverId, Server, 100, server, $"127.0.0.1:{port}", "127.0.0.1:40000", 2));
    }

    /// <summary>
    /// A request and its response seen from both sides: the client writes at t, the server reads at t + 10 µs and answers
    /// at t + 2.01 ms, the client reads the answer at t + 2.05 ms.
    /// </summary>
    private void Both(ulong clientId, ulong serverId, byte[] request, byte[] response, long t, byte protocol)
    {
        processor.ProcessRecord(EventBytes.Data(clientId, ingress: false, request, t, protocol: protocol));
        processor.ProcessRecord(EventBytes.Data(serverId, ingress: true, request, t + 10_000, protocol: protocol));
        processor.ProcessRecord(EventBytes.Data(serverId, ingress: false, response, t + 2_010_000, protocol: protocol));
        processor.ProcessRecord(EventBytes.Data(clientId, ingress: true, response, t + 2_050_000, protocol: protocol));
    }

    private MetricBatch Flush() => processor.Flush("agent", DateTimeOffset.UnixEpoch, 10, [], nowNs: 0);

    private sealed class UnknownProcesses : IProcessSource
    {
        public ProcessInfo Describe(int pid, string comm) => new(pid, comm, [], null);
    }
}
