using RootCause.Agent.Events;
using RootCause.Contracts;

namespace RootCause.Agent.Aggregation;

/// <summary>
/// One interval of network edges. An edge whose destination is known goes in as such (a server's caller); a
/// client's edge is kept by the remote endpoint and named only at the end of the interval, because a client's
/// connect is seen before the server's accept that tells whether a watched instance listens there.
/// </summary>
internal sealed class EdgeTable
{
    private readonly Dictionary<EdgeKey, EdgeAccumulator> named = [];
    private readonly Dictionary<(string Source, Endpoint Remote), EdgeAccumulator> toEndpoints = [];

    /// <summary>The edge from <paramref name="source"/> (an instance or a client's address) to instance <paramref name="destination"/>.</summary>
    public EdgeAccumulator Between(string source, string destination)
    {
        var key = new EdgeKey(source, destination);
        if (!named.TryGetValue(key, out var edge))
        {
            named[key] = edge = new EdgeAccumulator();
        }

        return edge;
    }

    /// <summary>The edge from instance <paramref name="source"/> to whatever listens on <paramref name="remote"/>.</summary>
    public EdgeAccumulator ToEndpoint(string source, Endpoint remote)
    {
        if (!toEndpoints.TryGetValue((source, remote), out var edge))
        {
            toEndpoints[(source, remote)] = edge = new EdgeAccumulator();
        }

        return edge;
    }

    /// <summary>The interval's edges, endpoints named by <paramref name="destinationOf"/> (an instance, or "ip:port"); starts a new interval.</summary>
    public IReadOnlyList<NetworkSample> Flush(Func<Endpoint, string> destinationOf)
    {
        foreach (var ((source, remote), edge) in toEndpoints)
        {
            Between(source, destinationOf(remote)).Add(edge);
        }

        var samples = named.Select(e => e.Value.ToSample(e.Key.Source, e.Key.Destination)).ToArray();
        named.Clear();
        toEndpoints.Clear();
        return samples;
    }
}
