using RootCause.Analysis.Detection;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Demarcation;

/// <summary>Stage 3: horizontal, then vertical and network demarcation; a specific cause demotes what it explains.</summary>
internal static class DemarcationStage
{
    public static DemarcationResult Run(TopologyGraph graph, AnomalyMap anomalies, string symptomService, SeriesAnomaly symptom)
    {
        var (degraded, roots) = HorizontalDemarcation.Run(graph, anomalies, symptomService, symptom);
        var scope = new Dictionary<string, int>(StringComparer.Ordinal) { [symptomService] = 0 };
        var depth = 0;
        foreach (var service in graph.DownstreamOf(symptomService))
        {
            scope[service] = ++depth;
        }

        var candidates = new CandidateSet();
        foreach (var (service, _) in degraded)
        {
            var candidate = candidates.Get(new EntityRef(EntityKind.Service, service));
            candidate.Signals.AddRange(ServiceAnomalies.Degradation(anomalies, candidate.Entity));
            candidate.Position = roots.Contains(service) ? GraphPosition.Root : GraphPosition.Upstream;
            candidate.Reasons.Add(roots.Contains(service)
                ? "degraded, and none of the services it calls degrades the same way"
                : "degraded, but a service it calls degrades too");
        }

        // We see an external endpoint only through its callers. When a watched service is a root too, the
        // endpoint is most likely the way to it (a load balancer, a proxy), not a cause of its own.
        var watchedRoot = roots.Any(r => graph.Service(r)?.Kind != ServiceKind.External);
        foreach (var root in roots.Where(r => watchedRoot && graph.Service(r)?.Kind == ServiceKind.External))
        {
            var candidate = candidates.Get(new EntityRef(EntityKind.Service, root));
            candidate.Position = GraphPosition.MirroringExternal;
            candidate.Reasons.Add("an external endpoint, degrading together with a watched service");
        }

        VerticalDemarcation.Run(graph, anomalies, scope, degraded, candidates);
        NetworkDemarcation.Run(graph, anomalies, scope, degraded, candidates);
        CallDemarcation.Run(graph, anomalies, scope, candidates);

        // A specific cause (edge, node, instance) that explains an entity demotes it; decide from the
        // positions before any demotion so the order of candidates does not matter.
        // A shared cause (a node under several degraded instances, an instance that refuses connections)
        // is never demoted by what it is said to explain in turn.
        var specific = candidates.All.Values.Where(c => c.Position >= GraphPosition.Specific && c.Explains.Count > 0).ToList();
        var strongest = specific.Where(c => GraphPosition.IsShared(c.Position)).Select(c => c.Entity).ToHashSet();
        var demotions = specific
            .SelectMany(c => c.Explains.Where(e => e != c.Entity && !strongest.Contains(e)).Select(e => (Explained: e, By: c.Entity)))
            .ToList();
        foreach (var (entity, by) in demotions)
        {
            if (!candidates.All.TryGetValue(entity, out var c))
            {
                continue;
            }

            c.ExplainedBy.Add(by);
            if (c.Position > GraphPosition.Explained)
            {
                c.Position = GraphPosition.Explained;
                c.Reasons.Add("explained by a more specific cause");
            }
        }

        return new DemarcationResult(degraded, roots, candidates.All);
    }
}
