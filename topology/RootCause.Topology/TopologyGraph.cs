using System.Collections.Frozen;
using RootCause.Contracts;

namespace RootCause.Topology;

/// <summary>
/// The watched system: services, instances, nodes, external endpoints and the relations between them
/// (calls, runs-on, belongs-to, connects-to). Immutable; build it with <see cref="TopologyBuilder"/>.
/// </summary>
public sealed class TopologyGraph
{
    private readonly FrozenDictionary<string, ServiceNode> _services;
    private readonly FrozenDictionary<string, InstanceNode> _instances;
    private readonly FrozenDictionary<string, InstanceNode> _instanceByAddress;
    private readonly FrozenDictionary<string, string[]> _callees;
    private readonly FrozenDictionary<string, string[]> _callers;
    private readonly FrozenDictionary<string, InstanceNode[]> _instancesOfService;
    private readonly FrozenDictionary<string, InstanceNode[]> _instancesOnNode;
    private readonly FrozenDictionary<string, NetworkEdge[]> _edgesFrom;
    private readonly FrozenDictionary<string, NetworkEdge[]> _edgesTo;

    public static TopologyGraph Empty { get; } = new([], [], [], [], []);

    internal TopologyGraph(
        IEnumerable<ServiceNode> services,
        IEnumerable<InstanceNode> instances,
        IEnumerable<string> nodes,
        IEnumerable<CallEdge> calls,
        IEnumerable<NetworkEdge> networkEdges)
    {
        _services = services.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        _instances = instances.ToFrozenDictionary(i => i.Name, StringComparer.Ordinal);
        _instanceByAddress = _instances.Values.Where(i => i.Address is not null)
            .GroupBy(i => i.Address!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Nodes = nodes.Concat(_instances.Values.Select(i => i.Node)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Calls = calls.Distinct().OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
        NetworkEdges = networkEdges.Distinct().OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
        _callees = Calls.GroupBy(c => c.Caller, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Select(c => c.Callee).ToArray(), StringComparer.Ordinal);
        _callers = Calls.GroupBy(c => c.Callee, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Select(c => c.Caller).ToArray(), StringComparer.Ordinal);
        _instancesOfService = _instances.Values.GroupBy(i => i.Service, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.OrderBy(i => i.Name, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _instancesOnNode = _instances.Values.GroupBy(i => i.Node, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.OrderBy(i => i.Name, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _edgesFrom = NetworkEdges.GroupBy(e => e.Source, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _edgesTo = NetworkEdges.GroupBy(e => e.Destination, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Externals = Calls.Select(c => c.Callee).Where(c => !_services.ContainsKey(c))
            .Concat(NetworkEdges.Select(e => e.Destination).Where(d => !_instances.ContainsKey(d)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    public IEnumerable<ServiceNode> Services => _services.Values.OrderBy(s => s.Name, StringComparer.Ordinal);

    public IEnumerable<InstanceNode> Instances => _instances.Values.OrderBy(i => i.Name, StringComparer.Ordinal);

    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Call destinations and network destinations that are not watched services or instances.</summary>
    public IReadOnlyList<string> Externals { get; }

    public IReadOnlyList<CallEdge> Calls { get; }

    public IReadOnlyList<NetworkEdge> NetworkEdges { get; }

    public bool HasService(string name) => _services.ContainsKey(name);

    public ServiceNode? Service(string name) => _services.GetValueOrDefault(name);

    public InstanceNode? Instance(string name) => _instances.GetValueOrDefault(name);

    /// <summary>The instance listening at an "ip:port" address, if it is watched.</summary>
    public InstanceNode? InstanceAt(string address) => _instanceByAddress.GetValueOrDefault(address);

    /// <summary>Services (and external endpoints) that <paramref name="service"/> calls.</summary>
    public IReadOnlyList<string> CalleesOf(string service) => _callees.GetValueOrDefault(service) ?? [];

    /// <summary>Services that call <paramref name="service"/>.</summary>
    public IReadOnlyList<string> CallersOf(string service) => _callers.GetValueOrDefault(service) ?? [];

    public IReadOnlyList<InstanceNode> InstancesOf(string service) => _instancesOfService.GetValueOrDefault(service) ?? [];

    public IReadOnlyList<InstanceNode> InstancesOn(string node) => _instancesOnNode.GetValueOrDefault(node) ?? [];

    public IReadOnlyList<NetworkEdge> NetworkEdgesFrom(string instance) => _edgesFrom.GetValueOrDefault(instance) ?? [];

    public IReadOnlyList<NetworkEdge> NetworkEdgesTo(string instanceOrAddress) => _edgesTo.GetValueOrDefault(instanceOrAddress) ?? [];

    /// <summary>Nodes that host at least one instance of <paramref name="service"/>.</summary>
    public IReadOnlyList<string> NodesOf(string service) => InstancesOf(service).Select(i => i.Node).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The service an instance or network destination belongs to, when it is watched.</summary>
    public string? ServiceOf(string instanceOrAddress) =>
        (Instance(instanceOrAddress) ?? InstanceAt(instanceOrAddress))?.Service;

    /// <summary>Network edges from instances of <paramref name="caller"/> to instances of <paramref name="callee"/>.</summary>
    public IEnumerable<NetworkEdge> NetworkEdgesBetween(string caller, string callee) =>
        InstancesOf(caller).SelectMany(i => NetworkEdgesFrom(i.Name)).Where(e => ServiceOf(e.Destination) == callee || e.Destination == callee);

    /// <summary>Every service reachable from <paramref name="service"/> along call edges, nearest first.</summary>
    public IReadOnlyList<string> DownstreamOf(string service)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { service };
        var order = new List<string>();
        var queue = new Queue<string>();
        queue.Enqueue(service);
        while (queue.Count > 0)
        {
            foreach (var callee in CalleesOf(queue.Dequeue()))
            {
                if (seen.Add(callee))
                {
                    order.Add(callee);
                    queue.Enqueue(callee);
                }
            }
        }

        return order;
    }

    public int ServiceCount => _services.Count;

    public int InstanceCount => _instances.Count;
}
