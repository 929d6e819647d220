using RootCause.Contracts;

namespace RootCause.Topology;

/// <summary>Collects entities and relations from batches (and declared topology) into a <see cref="TopologyGraph"/>.</summary>
public sealed class TopologyBuilder
{
    private readonly Dictionary<string, ServiceNode> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceNode> _instances = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<CallEdge> _calls = [];
    private readonly HashSet<NetworkEdge> _networkEdges = [];

    public TopologyBuilder AddService(string name, ServiceKind kind = ServiceKind.Service)
    {
        // A declared kind wins over the default one that observation implies.
        if (!_services.TryGetValue(name, out var existing) || (existing.Kind == ServiceKind.Service && kind != ServiceKind.Service))
        {
            _services[name] = new ServiceNode(name, kind);
        }

        return this;
    }

    public TopologyBuilder AddInstance(string instance, string service, string node, string? address = null, ServiceKind kind = ServiceKind.Service)
    {
        AddService(service, kind);
        _nodes.Add(node);
        _instances[instance] = new InstanceNode(instance, service, node, address ?? _instances.GetValueOrDefault(instance)?.Address);
        return this;
    }

    public TopologyBuilder AddNode(string node)
    {
        _nodes.Add(node);
        return this;
    }

    public TopologyBuilder AddCall(string caller, string callee)
    {
        if (!string.Equals(caller, callee, StringComparison.Ordinal))
        {
            _calls.Add(new CallEdge(caller, callee));
        }

        return this;
    }

    public TopologyBuilder AddNetworkEdge(string source, string destination)
    {
        _networkEdges.Add(new NetworkEdge(source, destination));
        return this;
    }

    /// <summary>Adds everything a batch shows: its node, instances, the calls seen on either side, and network edges.</summary>
    public TopologyBuilder Add(MetricBatch batch)
    {
        AddNode(batch.Node);
        foreach (var i in batch.Instances)
        {
            AddInstance(i.Instance, i.Service, i.Node, i.Address, i.Kind);
        }

        foreach (var g in batch.Golden)
        {
            if (g.Caller != Callers.External)
            {
                AddCall(g.Caller, g.Service);
            }
        }

        foreach (var c in batch.Calls)
        {
            AddCall(c.Caller, c.Callee);
        }

        foreach (var n in batch.Network)
        {
            AddNetworkEdge(n.SourceInstance, n.Destination);
        }

        return this;
    }

    public TopologyBuilder Add(TopologyGraph graph)
    {
        foreach (var s in graph.Services)
        {
            AddService(s.Name, s.Kind);
        }

        foreach (var i in graph.Instances)
        {
            AddInstance(i.Name, i.Service, i.Node, i.Address, graph.Service(i.Service)?.Kind ?? ServiceKind.Service);
        }

        foreach (var n in graph.Nodes)
        {
            AddNode(n);
        }

        foreach (var c in graph.Calls)
        {
            AddCall(c.Caller, c.Callee);
        }

        foreach (var e in graph.NetworkEdges)
        {
            AddNetworkEdge(e.Source, e.Destination);
        }

        return this;
    }

    public TopologyGraph Build() => new(_services.Values, _instances.Values, _nodes, _calls, _networkEdges);
}
