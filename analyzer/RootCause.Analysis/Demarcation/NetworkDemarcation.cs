using RootCause.Analysis.Detection;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Demarcation;

/// <summary>
/// Stage 3c: network edges from the instances of the services in scope. An edge with retransmits, RTT,
/// drops, resets or connect failures is a candidate that explains its source's service; when failing
/// connections converge on one destination instance, that instance is the candidate.
/// </summary>
internal static class NetworkDemarcation
{
    public static void Run(TopologyGraph graph, AnomalyMap anomalies, IReadOnlyDictionary<string, int> scope, IReadOnlyDictionary<string, int> degraded, CandidateSet candidates)
    {
        var failingByDestination = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var edge in graph.NetworkEdges)
        {
            var source = graph.ServiceOf(edge.Source);
            var destination = graph.ServiceOf(edge.Destination);
            // Only the network of the alerted service and what it calls: an edge into the alerted service from its
            // own caller (the load, a client) delays what that caller sees, not what the alerted service serves.
            if (source is null || !scope.ContainsKey(source))
            {
                continue;
            }

            var entity = new EntityRef(EntityKind.NetworkEdge, edge.Name);
            var signals = ServiceAnomalies.CauseSignals(anomalies, entity, ServiceAnomalies.Network).ToList();
            if (signals.Count == 0)
            {
                continue;
            }

            var candidate = candidates.Get(entity);
            candidate.Signals.AddRange(signals);
            var sourceDegraded = source is not null && (degraded.ContainsKey(source) || ServiceAnomalies.IsDegraded(anomalies, new EntityRef(EntityKind.Instance, edge.Source)));
            var callDegraded = source is not null && destination is not null &&
                ServiceAnomalies.IsDegraded(anomalies, new EntityRef(EntityKind.CallEdge, new CallEdge(source, destination).Name));
            candidate.Position = sourceDegraded || callDegraded ? GraphPosition.Root : GraphPosition.Unrelated;
            candidate.Reasons.Add($"{string.Join(", ", signals.Select(s => s.Metric))} up between {edge.Source} and {edge.Destination}");
            if (source is not null && candidate.Position >= GraphPosition.Root)
            {
                candidate.Explains.Add(new EntityRef(EntityKind.Service, source));
                candidate.Explains.Add(new EntityRef(EntityKind.Instance, edge.Source));
            }

            if (FailsMoreThanItLoses(signals))
            {
                if (!failingByDestination.TryGetValue(edge.Destination, out var list))
                {
                    failingByDestination[edge.Destination] = list = [];
                }

                list.Add(candidate);
            }
        }

        foreach (var (destination, edges) in failingByDestination)
        {
            var instance = graph.Instance(destination) ?? graph.InstanceAt(destination);
            if (instance is null)
            {
                continue;
            }

            var candidate = candidates.Get(new EntityRef(EntityKind.Instance, instance.Name));
            candidate.Position = Math.Max(candidate.Position, GraphPosition.Shared(edges.Count));
            candidate.Signals.AddRange(edges.SelectMany(e => e.Signals));
            candidate.Reasons.Add($"{edges.Count} connection(s) to it fail");
            foreach (var e in edges)
            {
                candidate.Explains.Add(e.Entity);
                candidate.Explains.UnionWith(e.Explains);
            }
        }
    }

    /// <summary>
    /// Whether an edge's connections fail (refused, reset) more clearly than its packets get lost: lost packets
    /// also time a few connection attempts out, which says nothing against the destination.
    /// </summary>
    private static bool FailsMoreThanItLoses(List<SeriesAnomaly> signals)
    {
        var failing = signals.Where(s => s.Metric is MetricCatalog.ConnectFailures or MetricCatalog.Resets).Select(s => s.Severity).DefaultIfEmpty(0).Max();
        var losing = signals.Where(s => s.Metric is MetricCatalog.Retransmits or MetricCatalog.Drops).Select(s => s.Severity).DefaultIfEmpty(0).Max();
        return failing > 0 && failing >= losing;
    }
}
