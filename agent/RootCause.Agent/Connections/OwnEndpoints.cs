using System.Collections.Concurrent;
using RootCause.Agent.Events;

namespace RootCause.Agent.Connections;

/// <summary>
/// Local endpoints of the agent's own client sockets (shipping batches). The probes already ignore the
/// agent's sockets; this lets the processor also ignore the far side of them when it is on this node
/// (the server accepting the agent's batches), so the agent never reports its own traffic.
/// </summary>
internal sealed class OwnEndpoints
{
    private readonly ConcurrentDictionary<Endpoint, byte> endpoints = new();

    public void Add(Endpoint endpoint) => endpoints.TryAdd(endpoint, 0);

    public void Remove(Endpoint endpoint) => endpoints.TryRemove(endpoint, out _);

    public bool Contains(Endpoint endpoint) => endpoints.ContainsKey(endpoint);
}
