using RootCause.Agent.Aggregation;
using RootCause.Agent.Events;
using RootCause.Agent.Http;
using RootCause.Agent.Identity;
using RootCause.Contracts;

namespace RootCause.Agent.Connections;

/// <summary>
/// The connection table and everything fed from it: decodes records, feeds HTTP parsers, names both ends of
/// each connection and adds what they did to the interval. Single-threaded: only the drain thread calls it.
/// </summary>
internal sealed class EventProcessor : IEventSink
{
    /// <summary>Bound on tracked connections; new ones beyond it are counted and ignored.</summary>
    public const int MaxConnections = 100_000;

    /// <summary>A connection with no event for this long is dropped (its close was lost).</summary>
    public static readonly long IdleExpiryNs = (long)TimeSpan.FromMinutes(10).TotalNanoseconds;

    private readonly string node;
    private readonly ServiceResolver resolver;
    private readonly IProcessSource processes;
    private readonly Dictionary<ulong, TrackedConnection> connections = [];
    private readonly Dictionary<Endpoint, int> clientEndpoints = [];
    private readonly List<Endpoint> closedClientEndpoints = [];
    private readonly Dictionary<Endpoint, int> listeners = [];
    private readonly Dictionary<int, ProcessIdentity> identities = [];
    private readonly Dictionary<int, string> activeInstances = [];

    // Client-side edges keyed by the remote endpoint: whether it is a watched instance is decided at the
    // end of the interval, because a client's connect is seen before the server's accept.
    private readonly Dictionary<(string Source, Endpoint Remote), EdgeAccumulator> clientEdges = [];

    private readonly Dictionary<string, long> oomKills = new(StringComparer.Ordinal);
    private readonly OwnEndpoints own;
    private readonly DropReasonNames dropReasons;

    public EventProcessor(string node, ServiceResolver resolver, IProcessSource processes, OwnEndpoints? own = null, DropReasonNames? dropReasons = null)
    {
        this.node = node;
        this.resolver = resolver;
        this.processes = processes;
        this.own = own ?? new OwnEndpoints();
        this.dropReasons = dropReasons ?? DropReasonNames.None;
    }

    public AgentCounters Counters { get; } = new();

    public IntervalAggregator Aggregator { get; } = new();

    /// <summary>Instances (and their pids) active in the current interval, for resource sampling.</summary>
    public IReadOnlyDictionary<int, string> ActiveInstances => activeInstances;

    public int ConnectionCount => connections.Count;

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

    public void OnData(ulong connectionId, DataDirection direction, bool afterLoss, long length, long timestampNs, ReadOnlySpan<byte> payload)
    {
        Counters.DataEvents++;
        if (!connections.TryGetValue(connectionId, out var connection))
        {
            Counters.OrphanData++;
            return;
        }

        connection.LastSeenNs = timestampNs;
        connection.Http.Feed(direction == DataDirection.Ingress, payload, length, timestampNs, afterLoss);
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
                var failed = IdentityOf((int)e.Pid, e.Comm);
                ClientEdge(failed.Identity.Instance, e.Remote).ConnectFailures++;
                break;
            case EventKind.Close:
                Close(e);
                break;
            case EventKind.Stats:
                if (connections.TryGetValue(e.ConnectionId, out var sampled))
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
        var instance = IdentityOf(pid, comm).Identity.Instance;
        oomKills[instance] = oomKills.GetValueOrDefault(instance) + 1;
    }

    /// <summary>A request/response pair completed on <paramref name="connection"/>.</summary>
    public void OnExchange(TrackedConnection connection, in HttpExchange exchange)
    {
        if (own.Contains(connection.Remote))
        {
            return;
        }

        Counters.ExchangesCompleted++;
        var operation = RouteNormaliser.Operation(exchange.Method, exchange.Target);
        var seconds = exchange.LatencyNs / 1e9;
        var self = IdentityOf(connection.Pid, connection.Comm).Identity;
        if (connection.Role == ConnectionRole.Server)
        {
            var caller = clientEndpoints.TryGetValue(connection.Remote, out var callerPid) && identities.TryGetValue(callerPid, out var callerIdentity)
                ? callerIdentity.Identity.Service
                : "external";
            Aggregator.AddServed(self.Service, operation, self.Instance, caller, exchange.Status, seconds);
        }
        else
        {
            var callee = listeners.TryGetValue(connection.Remote, out var serverPid) && identities.TryGetValue(serverPid, out var serverIdentity)
                ? serverIdentity.Identity.Service
                : connection.Remote.ToString();
            Aggregator.AddCall(self.Service, self.Instance, callee, operation, exchange.Status, seconds);
        }
    }

    /// <summary>Ends the interval: the batch, plus forgetting what only this interval needed.</summary>
    public MetricBatch Flush(string agentId, DateTimeOffset intervalStart, double intervalSeconds, IReadOnlyList<ResourceSample> resources, long nowNs)
    {
        foreach (var ((source, remote), edge) in clientEdges)
        {
            var merged = Aggregator.Edge(source, DestinationOf(remote));
            merged.Connects += edge.Connects;
            merged.ConnectFailures += edge.ConnectFailures;
            merged.Retransmits += edge.Retransmits;
            merged.RttSumSeconds += edge.RttSumSeconds;
            merged.RttSamples += edge.RttSamples;
            merged.Resets += edge.Resets;
            merged.Drops += edge.Drops;
            merged.BytesSent += edge.BytesSent;
            merged.BytesReceived += edge.BytesReceived;
        }

        clientEdges.Clear();
        var batch = Aggregator.Flush(agentId, node, intervalStart, intervalSeconds, WithOomKills(resources));
        oomKills.Clear();
        foreach (var endpoint in closedClientEndpoints)
        {
            clientEndpoints.Remove(endpoint);
        }

        closedClientEndpoints.Clear();
        activeInstances.Clear();
        foreach (var stale in connections.Values.Where(c => nowNs - c.LastSeenNs > IdleExpiryNs).ToArray())
        {
            Forget(stale);
            Counters.ConnectionsExpired++;
        }

        var live = connections.Values.Select(c => c.Pid).Concat(listeners.Values).Concat(clientEndpoints.Values).ToHashSet();
        foreach (var pid in identities.Keys.Where(p => !live.Contains(p)).ToArray())
        {
            identities.Remove(pid);
        }

        Counters.OpenConnections = connections.Count;
        return batch;
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

        EdgeAccumulator? edge = null;
        if (e.Pid != 0)
        {
            edge = EdgeOf(e, forQuality: true);
        }
        else if (clientEndpoints.TryGetValue(e.Remote, out var clientPid) && identities.TryGetValue(clientPid, out var client))
        {
            edge = ClientEdge(client.Identity.Instance, e.Local);
        }

        if (edge is null)
        {
            Counters.UnattributedDrops++;
            return;
        }

        edge.Drops++;
    }

    /// <summary>OOM kills of the interval on their instances' samples (a killed process has no CPU sample left) and the node's.</summary>
    private IReadOnlyList<ResourceSample> WithOomKills(IReadOnlyList<ResourceSample> resources)
    {
        if (oomKills.Count == 0)
        {
            return resources;
        }

        var merged = new List<ResourceSample>(resources.Count + oomKills.Count);
        var total = oomKills.Values.Sum();
        foreach (var sample in resources)
        {
            merged.Add(sample.Kind == ResourceKind.Node
                ? sample with { OomKills = sample.OomKills + total }
                : sample with { OomKills = sample.OomKills + oomKills.GetValueOrDefault(sample.Id) });
        }

        foreach (var (instance, kills) in oomKills)
        {
            if (!resources.Any(r => r.Kind == ResourceKind.Instance && r.Id == instance))
            {
                merged.Add(new ResourceSample(ResourceKind.Instance, instance, 0, 0, 0, 0, 0, kills));
            }
        }

        return merged;
    }

    private void Open(ConnectionEvent e)
    {
        if (connections.ContainsKey(e.ConnectionId) || (e.Role == ConnectionRole.Server && own.Contains(e.Remote)))
        {
            return;
        }

        if (connections.Count >= MaxConnections)
        {
            Counters.ConnectionTableFull++;
            return;
        }

        var connection = new TrackedConnection(this, e);
        connections[e.ConnectionId] = connection;
        var identity = IdentityOf(connection.Pid, connection.Comm);
        if (e.Role == ConnectionRole.Server)
        {
            listeners[e.Local] = connection.Pid;
            Aggregator.AddInstance(new InstanceInfo(identity.Identity.Instance, identity.Identity.Service, node, e.Local.ToString()));
            if (!clientEndpoints.ContainsKey(e.Remote))
            {
                Aggregator.Edge(e.Remote.Address.ToString(), identity.Identity.Instance).Connects++;
            }
        }
        else
        {
            clientEndpoints[e.Local] = connection.Pid;
            ClientEdge(identity.Identity.Instance, e.Remote).Connects++;
        }
    }

    private void Close(ConnectionEvent e)
    {
        if (!connections.TryGetValue(e.ConnectionId, out var connection))
        {
            return;
        }

        AddTcpStats(connection, e);
        connection.Http.Close(e.TimestampNs);
        Forget(connection);
    }

    private void Forget(TrackedConnection connection)
    {
        connections.Remove(connection.Id);
        if (connection.Role == ConnectionRole.Client)
        {
            // Kept until the interval ends: the server side of a short-lived client may be read after its close.
            closedClientEndpoints.Add(connection.Local);
        }
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
        var role = e.Role;
        var pid = (int)e.Pid;
        var comm = e.Comm;
        var remote = e.Remote;
        if (connections.TryGetValue(e.ConnectionId, out var known))
        {
            role = known.Role;
            pid = known.Pid;
            comm = known.Comm;
            remote = known.Remote;
        }

        if (pid == 0)
        {
            return null;
        }

        var self = IdentityOf(pid, comm).Identity.Instance;
        if (role == ConnectionRole.Server)
        {
            if (clientEndpoints.TryGetValue(remote, out var clientPid) && identities.TryGetValue(clientPid, out var client))
            {
                return forQuality ? Aggregator.Edge(client.Identity.Instance, self) : null;
            }

            return Aggregator.Edge(remote.Address.ToString(), self);
        }

        return ClientEdge(self, remote);
    }

    private EdgeAccumulator ClientEdge(string source, Endpoint remote)
    {
        if (!clientEdges.TryGetValue((source, remote), out var edge))
        {
            clientEdges[(source, remote)] = edge = new EdgeAccumulator();
        }

        return edge;
    }

    private string DestinationOf(Endpoint remote) =>
        listeners.TryGetValue(remote, out var serverPid) && identities.TryGetValue(serverPid, out var server)
            ? server.Identity.Instance
            : remote.ToString();

    private ProcessIdentity IdentityOf(int pid, string comm)
    {
        if (!identities.TryGetValue(pid, out var known) || !string.Equals(known.Comm, comm, StringComparison.Ordinal) ||
            (known.AwaitsPod && known.PodsVersion != resolver.PodsVersion))
        {
            var version = resolver.PodsVersion;
            var process = processes.Describe(pid, comm);
            var identity = resolver.Resolve(process);
            var awaitsPod = identity.Rule != "kubernetes" && identity.Rule != "mapping" && CgroupPath.PodUid(process.CgroupPath) is not null;
            known = new ProcessIdentity(comm, identity, awaitsPod, version);
            identities[pid] = known;
        }

        if (!activeInstances.ContainsKey(pid))
        {
            activeInstances[pid] = known.Identity.Instance;
            Aggregator.AddInstance(new InstanceInfo(known.Identity.Instance, known.Identity.Service, node));
        }

        return known;
    }
}
