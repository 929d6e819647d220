using RootCause.Agent.Aggregation;
using RootCause.Agent.Events;
using RootCause.Agent.Http;
using RootCause.Agent.Identity;
using RootCause.Agent.Protocols;
using RootCause.Contracts;

namespace RootCause.Agent.Connections;

/// <summary>
/// Routes decoded records: connection events to the <see cref="ConnectionTable"/>, payloads to the parser of the
/// protocol each connection speaks (HTTP/1.x, PostgreSQL, Redis), and what they mean to the <see cref="EdgeTable"/> and the <see cref="BatchAssembler"/>, with both
/// ends named through the <see cref="IdentityCache"/>. Single-threaded: only the drain thread calls it.
/// </summary>
internal sealed class EventProcessor : IEventSink
{
    private readonly string node;
    private readonly ConnectionTable table = new();
    private readonly IdentityCache identities;
    private readonly EdgeTable edges = new();
    private readonly BatchAssembler assembler = new();
    private readonly OwnEndpoints own;
    private readonly DropReasonNames dropReasons;

    public EventProcessor(string node, ServiceResolver resolver, IProcessSource processes, OwnEndpoints? own = null, DropReasonNames? dropReasons = null)
    {
        this.node = node;
        identities = new IdentityCache(resolver, processes);
        this.own = own ?? new OwnEndpoints();
        this.dropReasons = dropReasons ?? DropReasonNames.None;
    }

    public AgentCounters Counters { get; } = new();

    /// <summary>Decodes and applies one ring-buffer record; never throws on bad bytes.</summary>
    public void ProcessRecord(ReadOnlySpan<byte> record)
    {
        Counters.Records++;
        switch (EventDecoder.Decode(record, this))
        {
            case DecodeResult.Truncated:
                Counters.TruncatedRecords++;
                break;
            case DecodeResult.Invalid:
                Counters.InvalidRecords++;
                break;
            case DecodeResult.UnknownKind:
                Counters.UnknownRecords++;
                break;
            default:
                break;
        }
    }

    public void OnData(in DataEvent data, ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail)
    {
        Counters.DataEvents++;
        if (!table.TryGet(data.ConnectionId, out var connection))
        {
            Counters.OrphanData++;
            return;
        }

        connection.LastSeenNs = data.TimestampNs;
        connection.ParserFor(data.Protocol).Feed(
            data.Direction == DataDirection.Ingress, head, data.Gap(head.Length, tail.Length), tail, data.TimestampNs, data.AfterLoss);
    }

    public void OnConnection(ConnectionEvent e)
    {
        Counters.ConnectionEvents++;
        switch (e.Kind)
        {
            case EventKind.Open:
                Open(e);
                break;
            case EventKind.ConnectFailure:
                edges.ToEndpoint(Identify((int)e.Pid, e.Comm).Instance, e.Remote).ConnectFailures++;
                break;
            case EventKind.Close:
                Close(e);
                break;
            case EventKind.Stats:
                if (table.TryGet(e.ConnectionId, out var sampled))
                {
                    sampled.LastSeenNs = e.TimestampNs;
                    AddTcpStats(sampled, e);
                }

                break;
            case EventKind.Retransmit:
                if (EdgeOf(e, forQuality: true) is { } lossy)
                {
                    lossy.Retransmits++;
                }

                break;
            case EventKind.Reset:
                if (e.ResetReceived && EdgeOf(e, forQuality: true) is { } reset)
                {
                    reset.Resets++;
                }

                break;
            case EventKind.Drop:
                Drop(e);
                break;
            default:
                break;
        }
    }

    public void OnOomKill(int pid, string comm, long timestampNs)
    {
        Counters.OomKills++;
        assembler.AddOomKill(Identify(pid, comm).Instance);
    }

    /// <summary>An HTTP request/response pair completed on <paramref name="connection"/>.</summary>
    public void OnExchange(TrackedConnection connection, in HttpExchange exchange)
    {
        if (!own.Contains(connection.Remote))
        {
            AddExchange(connection, RouteNormaliser.Operation(exchange.Method, exchange.Target), exchange.Outcome, exchange.LatencyNs);
        }
    }

    /// <summary>
    /// A database or cache request completed on <paramref name="connection"/>. A server that answers it is a database or
    /// cache, whatever its port.
    /// </summary>
    public void OnExchange(TrackedConnection connection, in ProtocolExchange exchange)
    {
        if (own.Contains(connection.Remote))
        {
            return;
        }

        if (connection.Role == ConnectionRole.Server && KindInference.OfProtocol(connection.Protocol) is { } kind)
        {
            identities.NoteProtocol(identities.Resolve(connection.Pid, connection.Comm), kind);
        }

        AddExchange(connection, exchange.Operation, exchange.Failed ? RequestOutcome.Error : RequestOutcome.Ok, exchange.LatencyNs);
    }

    /// <summary>
    /// Instances to sample at the end of the interval: those active in it, including every owner of a connection
    /// still open (an idle keep-alive pool still uses CPU and memory).
    /// </summary>
    public IReadOnlyList<ResourceTarget> ResourceTargets()
    {
        foreach (var connection in table.Connections)
        {
            Identify(connection.Pid, connection.Comm);
        }

        return assembler.ResourceTargets();
    }

    /// <summary>Ends the interval: the batch, plus forgetting what only this interval needed.</summary>
    public MetricBatch Flush(string agentId, DateTimeOffset intervalStart, double intervalSeconds, IReadOnlyList<ResourceSample> resources, long nowNs)
    {
        var network = edges.Flush(remote => KnownOwner(table.TryGetListener(remote, out var pid), pid)?.Instance ?? remote.ToString());
        var batch = assembler.Flush(agentId, node, intervalStart, intervalSeconds, network, resources);
        table.EndInterval();
        Counters.ConnectionsExpired += table.Expire(nowNs).Count;

        identities.Retain(table.LivePids());
        Counters.OpenConnections = table.Count;
        return batch;
    }

    /// <summary>Server side: a golden sample of the service, with its caller's service; client side: a call sample of the caller.</summary>
    private void AddExchange(TrackedConnection connection, string operation, RequestOutcome outcome, long latencyNs)
    {
        Counters.ExchangesCompleted++;
        var seconds = latencyNs / 1e9;
        var self = Identify(connection.Pid, connection.Comm);
        if (connection.Role == ConnectionRole.Server)
        {
            var caller = KnownOwner(table.TryGetClient(connection.Remote, out var callerPid), callerPid)?.Service ?? "external";
            assembler.AddServed(self.Service, operation, self.Instance, caller, outcome, seconds);
        }
        else
        {
            var callee = KnownOwner(table.TryGetListener(connection.Remote, out var serverPid), serverPid)?.Service ?? connection.Remote.ToString();
            assembler.AddCall(self.Service, self.Instance, callee, operation, outcome, seconds);
        }
    }

    /// <summary>
    /// A packet dropped on a TCP socket: on the edge of the tracked socket it belongs to, or, for an untracked
    /// socket whose peer is a tracked client here (a server in another namespace nobody accepted from yet),
    /// on that client's edge. Anything else is counted but on no edge.
    /// </summary>
    private void Drop(ConnectionEvent e)
    {
        Counters.Drops++;
        var reason = dropReasons.Name(e.DropReason);
        Counters.DropReasons[reason] = Counters.DropReasons.GetValueOrDefault(reason) + 1;
        if (DropReasonNames.IsHousekeeping(reason))
        {
            // Buffers freed because their socket closed are not packets the network lost.
            return;
        }

        var edge = e.Pid != 0
            ? EdgeOf(e, forQuality: true)
            : KnownOwner(table.TryGetClient(e.Remote, out var clientPid), clientPid) is { } client ? edges.ToEndpoint(client.Instance, e.Local) : null;
        if (edge is null)
        {
            Counters.UnattributedDrops++;
            return;
        }

        edge.Drops++;
    }

    private void Open(ConnectionEvent e)
    {
        if (table.Contains(e.ConnectionId) || (e.Role == ConnectionRole.Server && own.Contains(e.Remote)))
        {
            return;
        }

        if (table.IsFull)
        {
            Counters.ConnectionTableFull++;
            return;
        }

        var connection = new TrackedConnection(this, e);
        table.Add(connection);
        if (e.Role == ConnectionRole.Server)
        {
            var server = identities.Resolve(connection.Pid, connection.Comm);
            identities.NoteListener(server, e.Local.Port);
            Identify(connection.Pid, connection.Comm, e.Local.ToString());
            if (!table.TryGetClient(e.Remote, out _))
            {
                edges.Between(e.Remote.Address.ToString(), server.Instance).Connects++;
            }
        }
        else
        {
            edges.ToEndpoint(Identify(connection.Pid, connection.Comm).Instance, e.Remote).Connects++;
        }
    }

    private void Close(ConnectionEvent e)
    {
        if (!table.TryGet(e.ConnectionId, out var connection))
        {
            return;
        }

        AddTcpStats(connection, e);
        connection.Parser?.Close(e.TimestampNs);
        table.Remove(connection);
    }

    private void AddTcpStats(TrackedConnection connection, ConnectionEvent e)
    {
        var edge = EdgeOf(e, forQuality: false);
        if (edge is not null)
        {
            edge.BytesSent += (long)(e.BytesAcked - Math.Min(e.BytesAcked, connection.BytesAckedSeen));
            edge.BytesReceived += (long)(e.BytesReceived - Math.Min(e.BytesReceived, connection.BytesReceivedSeen));
            if (e.SrttMicroseconds > 0)
            {
                edge.RttSumSeconds += e.SrttMicroseconds / 1e6;
                edge.RttSamples++;
            }
        }

        connection.BytesAckedSeen = Math.Max(connection.BytesAckedSeen, e.BytesAcked);
        connection.BytesReceivedSeen = Math.Max(connection.BytesReceivedSeen, e.BytesReceived);
    }

    /// <summary>
    /// The edge a socket-level event belongs to, from the client's point of view. When both ends are on this
    /// node only the client's socket reports bytes and RTT (the server's would count them twice); quality
    /// events (retransmits, resets) of either socket count.
    /// </summary>
    private EdgeAccumulator? EdgeOf(ConnectionEvent e, bool forQuality)
    {
        var (role, pid, comm, remote) = table.TryGet(e.ConnectionId, out var known)
            ? (known.Role, known.Pid, known.Comm, known.Remote)
            : (e.Role, (int)e.Pid, e.Comm, e.Remote);
        if (pid == 0)
        {
            return null;
        }

        var self = Identify(pid, comm).Instance;
        if (role == ConnectionRole.Server)
        {
            if (KnownOwner(table.TryGetClient(remote, out var clientPid), clientPid) is { } client)
            {
                return forQuality ? edges.Between(client.Instance, self) : null;
            }

            return edges.Between(remote.Address.ToString(), self);
        }

        return edges.ToEndpoint(self, remote);
    }

    /// <summary>The identity of the pid that owns an endpoint, when the table found one and it is still known.</summary>
    private ServiceIdentity? KnownOwner(bool found, int pid) => found && identities.TryGet(pid, out var identity) ? identity : null;

    /// <summary>Names <paramref name="pid"/> and counts its instance as active in the interval.</summary>
    private ServiceIdentity Identify(int pid, string comm, string? address = null)
    {
        var identity = identities.Resolve(pid, comm);
        assembler.AddInstance(new InstanceInfo(identity.Instance, identity.Service, node, address, identities.KindOf(identity)), pid, identity.ResourceCgroup);
        return identity;
    }
}
