using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Bundles;

/// <summary>The topology an incident declares: what exists even where the batches show no traffic.</summary>
/// <param name="Services">Services and their kinds.</param>
/// <param name="Nodes">Nodes (hosts).</param>
/// <param name="Instances">Instances with their service, node and address.</param>
/// <param name="Calls">Call edges between services.</param>
public sealed record BundleTopology(
    IReadOnlyList<BundleService> Services,
    IReadOnlyList<string> Nodes,
    IReadOnlyList<BundleInstance> Instances,
    IReadOnlyList<BundleCall> Calls)
{
    /// <summary>Adds the declared topology to a builder.</summary>
    public TopologyBuilder AddTo(TopologyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var kinds = new Dictionary<string, ServiceKind>(StringComparer.Ordinal);
        foreach (var s in Services)
        {
            builder.AddService(s.Name, s.Kind);
            kinds[s.Name] = s.Kind;
        }

        foreach (var n in Nodes)
        {
            builder.AddNode(n);
        }

        foreach (var i in Instances)
        {
            builder.AddInstance(i.Name, i.Service, i.Node, i.Address, kinds.GetValueOrDefault(i.Service, ServiceKind.Service));
        }

        foreach (var c in Calls)
        {
            builder.AddCall(c.Caller, c.Callee);
        }

        return builder;
    }

    public TopologyGraph ToGraph() => AddTo(new TopologyBuilder()).Build();

    /// <summary>The declared form of a graph: its services, nodes, instances and calls (network edges come from batches).</summary>
    public static BundleTopology From(TopologyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new BundleTopology(
            [.. graph.Services.Select(s => new BundleService(s.Name, s.Kind))],
            [.. graph.Nodes],
            [.. graph.Instances.Select(i => new BundleInstance(i.Name, i.Service, i.Node, i.Address))],
            [.. graph.Calls.Select(c => new BundleCall(c.Caller, c.Callee))]);
    }
}
