using System.Net;
using RootCause.Agent.Connections;
using RootCause.Agent.Events;
using RootCause.Agent.Identity;

namespace RootCause.Agent.Tests.Connections;

public sealed class ConnectionTableTests
{
    private readonly EventProcessor owner = new("n", new ServiceResolver("n", ServiceMapping.Empty, NoPods.Instance), new NoProcesses());
    private readonly ConnectionTable table = new();

    private static Endpoint At(string text) => new(IPEndPoint.Parse(text).Address, IPEndPoint.Parse(text).Port);

    private TrackedConnection Connection(ulong id, ConnectionRole role, int pid, string local, string remote, long seenNs = 0) =>
        new(owner, new ConnectionEvent(EventKind.Open, role, (uint)pid, id, seenNs, At(local), At(remote), 0, 0, 0, 0, 3, "p" + pid, 0));

    [Fact]
    public void Owners_of_local_endpoints_are_known_by_role()
    {
        table.Add(Connection(1, ConnectionRole.Client, 200, "127.0.0.1:40000", "127.0.0.1:8080"));
        table.Add(Connection(2, ConnectionRole.Server, 100, "127.0.0.1:8080", "127.0.0.1:40000"));

        Assert.True(table.TryGetClient(At("127.0.0.1:40000"), out var client));
        Assert.True(table.TryGetListener(At("127.0.0.1:8080"), out var server));
        Assert.Equal((200, 100), (client, server));
        Assert.False(table.TryGetListener(At("127.0.0.1:40000"), out _));
    }

    [Fact]
    public void A_closed_clients_endpoint_stays_known_until_the_interval_ends()
    {
        var client = Connection(1, ConnectionRole.Client, 200, "127.0.0.1:40000", "127.0.0.1:8080");
        table.Add(client);
        table.Remove(client);

        Assert.Equal((0, true), (table.Count, table.TryGetClient(At("127.0.0.1:40000"), out _)));
        table.EndInterval();
        Assert.False(table.TryGetClient(At("127.0.0.1:40000"), out _));
    }

    [Fact]
    public void Idle_connections_expire_and_live_pids_are_the_owners_left()
    {
        var idleNs = ConnectionTable.IdleExpiryNs;
        table.Add(Connection(1, ConnectionRole.Server, 100, "127.0.0.1:8080", "127.0.0.1:40000", seenNs: 0));
        table.Add(Connection(2, ConnectionRole.Client, 300, "127.0.0.1:41000", "10.0.0.1:80", seenNs: idleNs));

        var expired = table.Expire(nowNs: idleNs + 1);

        Assert.Equal([1UL], expired.Select(c => c.Id));
        Assert.Equal(1, table.Count);
        Assert.Equal([100, 300], table.LivePids().Order());
    }

    private sealed class NoProcesses : IProcessSource
    {
        public ProcessInfo Describe(int pid, string comm) => new(pid, comm, [], null);
    }
}
