using RootCause.Agent.Events;

namespace RootCause.Agent.Connections;

/// <summary>
/// The connections the agent tracks, by kernel connection id, and who owns each local endpoint: the pid of a
/// client socket (so a server on this node knows its caller) and of a listener (so a client knows its callee).
/// Bounded; idle entries expire. Single-threaded, like the processor that owns it.
/// </summary>
internal sealed class ConnectionTable
{
    /// <summary>Bound on tracked connections; new ones beyond it are refused (and counted by the caller).</summary>
    public const int MaxConnections = 100_000;

    /// <summary>A connection with no event for this long is dropped (its close was lost).</summary>
    public static readonly long IdleExpiryNs = (long)TimeSpan.FromMinutes(10).TotalNanoseconds;

    private readonly Dictionary<ulong, TrackedConnection> connections = [];
    private readonly Dictionary<Endpoint, int> clientEndpoints = [];
    private readonly List<Endpoint> closedClientEndpoints = [];
    private readonly Dictionary<Endpoint, int> listeners = [];

    public int Count => connections.Count;

    public bool IsFull => connections.Count >= MaxConnections;

    public bool Contains(ulong connectionId) => connections.ContainsKey(connectionId);

    public bool TryGet(ulong connectionId, out TrackedConnection connection) => connections.TryGetValue(connectionId, out connection!);

    /// <summary>Tracks <paramref name="connection"/> and records its local endpoint's owner.</summary>
    public void Add(TrackedConnection connection)
    {
        connections[connection.Id] = connection;
        if (connection.Role == ConnectionRole.Server)
        {
            listeners[connection.Local] = connection.Pid;
        }
        else
        {
            clientEndpoints[connection.Local] = connection.Pid;
        }
    }

    /// <summary>
    /// Stops tracking <paramref name="connection"/>. A client's endpoint stays known until the interval ends: the
    /// server side of a short-lived client may be read after the client closed.
    /// </summary>
    public void Remove(TrackedConnection connection)
    {
        connections.Remove(connection.Id);
        if (connection.Role == ConnectionRole.Client)
        {
            closedClientEndpoints.Add(connection.Local);
        }
    }

    /// <summary>The pid of the tracked client socket bound to <paramref name="local"/>, if any.</summary>
    public bool TryGetClient(Endpoint local, out int pid) => clientEndpoints.TryGetValue(local, out pid);

    /// <summary>The pid of the tracked server listening on <paramref name="local"/>, if any.</summary>
    public bool TryGetListener(Endpoint local, out int pid) => listeners.TryGetValue(local, out pid);

    /// <summary>Removes and returns connections with no event for <see cref="IdleExpiryNs"/>.</summary>
    public IReadOnlyList<TrackedConnection> Expire(long nowNs)
    {
        var stale = connections.Values.Where(c => nowNs - c.LastSeenNs > IdleExpiryNs).ToArray();
        foreach (var connection in stale)
        {
            Remove(connection);
        }

        return stale;
    }

    /// <summary>Forgets the endpoints of clients closed during the interval.</summary>
    public void EndInterval()
    {
        foreach (var endpoint in closedClientEndpoints)
        {
            clientEndpoints.Remove(endpoint);
        }

        closedClientEndpoints.Clear();
    }

    /// <summary>Pids that still own a connection, a listener or a client endpoint: their identities are still needed.</summary>
    public HashSet<int> LivePids() => connections.Values.Select(c => c.Pid).Concat(listeners.Values).Concat(clientEndpoints.Values).ToHashSet();

    /// <summary>The tracked connections (for marking their owners active at the end of an interval).</summary>
    public IEnumerable<TrackedConnection> Connections => connections.Values;
}
