using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Server.Apis;

/// <summary>GET /api/v1/topology: the watched system as JSON.</summary>
internal sealed record TopologyView(
    IReadOnlyList<TopologyView.Service> Services,
    IReadOnlyList<string> Nodes,
    IReadOnlyList<TopologyView.Call> Calls,
    IReadOnlyList<TopologyView.Link> NetworkEdges,
    IReadOnlyList<string> Externals)
{
    public static TopologyView From(TopologyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new(
            [.. graph.Services.Select(s => new Service(s.Name, s.Kind, [.. graph.InstancesOf(s.Name).Select(i => new Instance(i.Name, i.Node, i.Address))]))],
            graph.Nodes,
            [.. graph.Calls.Select(c => new Call(c.Caller, c.Callee))],
            [.. graph.NetworkEdges.Select(e => new Link(e.Source, e.Destination))],
            graph.Externals);
    }

    internal sealed record Service(string Name, ServiceKind Kind, IReadOnlyList<Instance> Instances);

    internal sealed record Instance(string Name, string Node, string? Address);

    internal sealed record Call(string Caller, string Callee);

    internal sealed record Link(string Source, string Destination);
}
