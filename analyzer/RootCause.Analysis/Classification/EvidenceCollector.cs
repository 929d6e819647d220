using RootCause.Analysis.Detection;
using RootCause.Analysis.FaultTrees;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Classification;

/// <summary>Gathers, for one candidate, the anomalies a fault tree may test, each tagged with its scope.</summary>
internal sealed class EvidenceCollector(TopologyGraph graph, AnomalyMap anomalies, IReadOnlyList<DateTimeOffset> timeline)
{
    public CandidateEvidence Collect(EntityRef candidate)
    {
        var scoped = new List<ScopedAnomaly>();
        void Add(EvidenceScope scope, EntityRef entity)
        {
            foreach (var a in anomalies.Of(entity))
            {
                scoped.Add(new ScopedAnomaly(scope, a.ToEvidence(timeline)));
            }
        }

        ServiceKind? kind = null;
        Add(EvidenceScope.Self, candidate);
        switch (candidate.Kind)
        {
            case EntityKind.Service:
                kind = graph.Service(candidate.Name)?.Kind ?? ServiceKind.Service;
                foreach (var instance in graph.InstancesOf(candidate.Name))
                {
                    Add(EvidenceScope.Instances, Instance(instance.Name));
                    AddNetwork(instance.Name, Add);
                    if (instance.Address is not null)
                    {
                        AddNetwork(instance.Address, Add);
                    }
                }

                foreach (var node in graph.NodesOf(candidate.Name))
                {
                    Add(EvidenceScope.Host, Node(node));
                }

                AddDownstream(candidate.Name, Add);
                foreach (var caller in graph.CallersOf(candidate.Name))
                {
                    Add(EvidenceScope.Callers, new EntityRef(EntityKind.CallEdge, new CallEdge(caller, candidate.Name).Name));
                }

                break;
            case EntityKind.Instance:
                var info = graph.Instance(candidate.Name);
                kind = info is null ? null : graph.Service(info.Service)?.Kind ?? ServiceKind.Service;
                if (info is not null)
                {
                    Add(EvidenceScope.Host, Node(info.Node));
                    AddDownstream(info.Service, Add);
                    if (info.Address is not null)
                    {
                        AddNetwork(info.Address, Add);
                    }
                }

                AddNetwork(candidate.Name, Add);
                break;
            case EntityKind.Node:
                foreach (var instance in graph.InstancesOn(candidate.Name))
                {
                    Add(EvidenceScope.Instances, Instance(instance.Name));
                }

                break;
            case EntityKind.NetworkEdge when NetworkEdge.TryParse(candidate.Name, out var edge):
                var source = graph.ServiceOf(edge.Source);
                var destination = graph.ServiceOf(edge.Destination) ?? edge.Destination;
                if (source is not null)
                {
                    Add(EvidenceScope.Callers, new EntityRef(EntityKind.CallEdge, new CallEdge(source, destination).Name));
                }

                break;
            default:
                break;
        }

        return new CandidateEvidence(candidate, kind, scoped);
    }

    private void AddNetwork(string instanceOrAddress, Action<EvidenceScope, EntityRef> add)
    {
        foreach (var e in graph.NetworkEdgesFrom(instanceOrAddress).Concat(graph.NetworkEdgesTo(instanceOrAddress)))
        {
            add(EvidenceScope.Network, new EntityRef(EntityKind.NetworkEdge, e.Name));
        }
    }

    private void AddDownstream(string service, Action<EvidenceScope, EntityRef> add)
    {
        foreach (var callee in graph.DownstreamOf(service))
        {
            add(EvidenceScope.Downstream, new EntityRef(EntityKind.Service, callee));
        }
    }

    private static EntityRef Instance(string name) => new(EntityKind.Instance, name);

    private static EntityRef Node(string name) => new(EntityKind.Node, name);
}
