using RootCause.Bundles;
using RootCause.Contracts;

namespace RootCause.Simulation;

/// <summary>The generated system: services, operations, instances, nodes, network distances and traffic plan.</summary>
internal sealed class World
{
    public required SimService[] Services { get; init; }

    public required SimOperation[] Operations { get; init; }

    public required SimInstance[] Instances { get; init; }

    public required string[] Nodes { get; init; }

    public required double[] NodeCores { get; init; }

    public required long[] NodeMemoryBytes { get; init; }

    /// <summary>Base round-trip time between nodes, seconds, symmetric.</summary>
    public required double[,] NodeRtt { get; init; }

    /// <summary>Instances on each node.</summary>
    public required int[][] InstancesOnNode { get; init; }

    /// <summary>Services in an order where every callee comes before its callers.</summary>
    public required int[] CalleesFirst { get; init; }

    public required double EntryRate { get; init; }

    public SimService Entry => Services[0];

    public SimService ServiceOf(SimInstance instance) => Services[instance.Service];

    public double Rtt(int instanceA, int instanceB) => NodeRtt[Instances[instanceA].Node, Instances[instanceB].Node];

    public BundleTopology ToTopology()
    {
        var services = Services.Select(s => new BundleService(s.Name, s.Kind)).ToArray();
        var instances = Instances.Select(i => new BundleInstance(i.Name, Services[i.Service].Name, Nodes[i.Node], i.Address)).ToArray();
        var calls = Services.SelectMany(s => s.CalleeServices.Select(c => new BundleCall(s.Name, Services[c].Name))).ToArray();
        return new BundleTopology(services, Nodes.ToArray(), instances, calls);
    }

    public InstanceInfo InfoOf(SimInstance i) =>
        new(i.Name, Services[i.Service].Name, Nodes[i.Node], i.Address, Services[i.Service].Kind);
}
