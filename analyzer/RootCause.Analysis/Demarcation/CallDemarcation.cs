using RootCause.Analysis.Detection;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Demarcation;

/// <summary>
/// Stage 3d: calls whose latency rose as their caller sees it while the callee serves as fast as before lose
/// their time between the two (the network, a proxy, a sidecar, the callee's NIC). Where the agent sees the
/// network edges between them, those are the more specific candidates; without network data (a dataset, a
/// service mesh's metrics only) the call edge itself is the candidate, and it explains its caller.
/// </summary>
internal static class CallDemarcation
{
    /// <summary>The callee's own rise must stay below this share of the calls' rise for the time to be lost between them.</summary>
    private const double CalleeShare = 0.25;

    public static void Run(TopologyGraph graph, AnomalyMap anomalies, IReadOnlyDictionary<string, int> scope, CandidateSet candidates)
    {
        foreach (var call in graph.Calls.Where(c => scope.ContainsKey(c.Caller)))
        {
            var entity = new EntityRef(EntityKind.CallEdge, call.Name);
            var slower = ServiceAnomalies.Latency.Select(m => anomalies.Of(entity, m)).Where(a => a is { Direction: Direction.Up }).MaxBy(a => a!.Severity);
            if (slower is null || Rise(slower) <= 0 || NetworkSeen(graph, call, candidates) || Starved(graph, anomalies, call.Caller))
            {
                continue;
            }

            var callee = anomalies.Of(new EntityRef(EntityKind.Service, call.Callee), slower.Metric);
            var calleeRise = callee is { Direction: Direction.Up } ? Rise(callee) : 0;
            if (calleeRise >= CalleeShare * Rise(slower))
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

    /// <summary>
    /// Whether the caller itself waits for a CPU or runs out of memory: its clock of a call then includes its
    /// own stalls, and slow calls say nothing about what lies between.
    /// </summary>
    private static bool Starved(TopologyGraph graph, AnomalyMap anomalies, string caller) =>
        graph.InstancesOf(caller).Select(i => new EntityRef(EntityKind.Instance, i.Name))
            .Append(new EntityRef(EntityKind.Service, caller))
            .Any(e => ServiceAnomalies.CauseSignals(anomalies, e, ServiceAnomalies.Resource).Any());

    /// <summary>Whether a network edge between the two services is already a candidate: it names the place better.</summary>
    private static bool NetworkSeen(TopologyGraph graph, CallEdge call, CandidateSet candidates) =>
        graph.NetworkEdgesBetween(call.Caller, call.Callee).Any(e => candidates.All.ContainsKey(new EntityRef(EntityKind.NetworkEdge, e.Name)));
}
