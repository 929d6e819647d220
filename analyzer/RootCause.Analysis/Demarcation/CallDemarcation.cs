using RootCause.Analysis.Detection;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Demarcation;

/// <summary>
/// Stage 3d: calls whose latency rose as their caller sees it while the callee serves as fast as before lose
/// their time between the two (the network, a proxy, a sidecar, the callee's NIC). Where the agent sees the
/// network edges between them, those are the more specific candidates; without network data (a dataset, a
/// service mesh's metrics only) the call edge itself is the candidate, and it explains its caller. When the
/// callee waits for its CPU or memory instead, its starved instances are the candidates: requests queue before
/// it reads them, which its own latency never counts.
/// </summary>
internal static class CallDemarcation
{
    /// <summary>
    /// The callee's own rise must stay below this share of the calls' rise, and the calls' rise reach this share
    /// of the caller's, for the time to be lost between them (the share horizontal demarcation uses).
    /// </summary>
    private const double Share = 0.25;

    public static void Run(TopologyGraph graph, AnomalyMap anomalies, IReadOnlyDictionary<string, int> scope, CandidateSet candidates)
    {
        foreach (var call in graph.Calls.Where(c => scope.ContainsKey(c.Caller)))
        {
            var entity = new EntityRef(EntityKind.CallEdge, call.Name);
            var slower = ServiceAnomalies.Latency.Select(m => anomalies.Of(entity, m)).Where(a => a is { Direction: Direction.Up }).MaxBy(a => a!.Severity);
            if (slower is null || Rise(slower) <= 0 || NetworkSeen(graph, call, candidates) || Starved(graph, anomalies, call.Caller).Any())
            {
                continue;
            }

            // A callee starved of CPU or memory leaves requests queued before it reads them: time its own
            // (server-side) latency never counts. Its starved instances are the cause of its caller's slowness.
            var starved = Starved(graph, anomalies, call.Callee).Where(e => e.Kind == EntityKind.Instance).ToList();
            if (starved.Count > 0)
            {
                foreach (var instance in starved)
                {
                    var cause = candidates.Get(instance);
                    cause.Signals.AddRange(ServiceAnomalies.CauseSignals(anomalies, instance, ServiceAnomalies.Resource).Except(cause.Signals));
                    cause.Position = Math.Max(cause.Position, GraphPosition.Root);
                    cause.Reasons.Add($"calls from {call.Caller} slowed while it waits for its resources: requests queue before it reads them");
                    cause.Explains.Add(new EntityRef(EntityKind.Service, call.Caller));
                }

                continue;
            }

            // The time lost between them must be most of the calls' rise and a fair share of the caller's own:
            // a slow handler that also waits a little longer on its database is slow itself.
            var calleeRise = RiseOf(anomalies, call.Callee, slower.Metric);
            if (calleeRise >= Share * Rise(slower) || Rise(slower) < Share * RiseOf(anomalies, call.Caller, slower.Metric))
            {
                continue;
            }

            var candidate = candidates.Get(entity);
            candidate.Signals.Add(slower);
            candidate.Position = Math.Max(candidate.Position, GraphPosition.Root);
            candidate.Reasons.Add($"calls from {call.Caller} to {call.Callee} slowed while {call.Callee} serves as fast as before");
            candidate.Explains.Add(new EntityRef(EntityKind.Service, call.Caller));
        }
    }

    private static double Rise(SeriesAnomaly a) => a.Observed - a.Baseline;

    /// <summary>How far a service's own (server-side) latency rose, 0 when it did not.</summary>
    private static double RiseOf(AnomalyMap anomalies, string service, string metric) =>
        anomalies.Of(new EntityRef(EntityKind.Service, service), metric) is { Direction: Direction.Up } a ? Rise(a) : 0;

    /// <summary>
    /// The service or its instances where they wait for a CPU or run out of memory. A starved caller's clock of a call includes
    /// its own stalls; a starved callee leaves requests queued before it reads them, time its own (server-side)
    /// latency never counts. Either way slow calls say nothing about what lies between.
    /// </summary>
    private static IEnumerable<EntityRef> Starved(TopologyGraph graph, AnomalyMap anomalies, string service) =>
        graph.InstancesOf(service).Select(i => new EntityRef(EntityKind.Instance, i.Name))
            .Append(new EntityRef(EntityKind.Service, service))
            .Where(e => ServiceAnomalies.CauseSignals(anomalies, e, ServiceAnomalies.Resource).Any());

    /// <summary>Whether a network edge between the two services is already a candidate: it names the place better.</summary>
    private static bool NetworkSeen(TopologyGraph graph, CallEdge call, CandidateSet candidates) =>
        graph.NetworkEdgesBetween(call.Caller, call.Callee).Any(e => candidates.All.ContainsKey(new EntityRef(EntityKind.NetworkEdge, e.Name)));
}
