using RootCause.Analysis.Detection;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Demarcation;

/// <summary>
/// Stage 3a: walks call edges down from the alerted service. Degraded services are kept with their call
/// depth; a degraded service none of whose callees degrades in the same way (latency or errors) is a root:
/// the deviation starts there or just below it (its host, its instances, its network).
/// </summary>
internal static class HorizontalDemarcation
{
    public static (Dictionary<string, int> Degraded, HashSet<string> Roots) Run(TopologyGraph graph, AnomalyMap anomalies, string symptomService)
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal) { [symptomService] = 0 };
        var queue = new Queue<string>([symptomService]);
        while (queue.Count > 0)
        {
            var service = queue.Dequeue();
            foreach (var callee in graph.CalleesOf(service))
            {
                if (depth.TryAdd(callee, depth[service] + 1))
                {
                    queue.Enqueue(callee);
                }
            }
        }

        var degraded = depth.Where(kv => ServiceAnomalies.IsDegraded(anomalies, Service(kv.Key)))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var roots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in degraded.Keys)
        {
            var strongest = ServiceAnomalies.Degradation(anomalies, Service(service)).MaxBy(a => a.Severity)!;
            var explainedBelow = graph.CalleesOf(service).Any(callee =>
                degraded.ContainsKey(callee) &&
                ServiceAnomalies.Degradation(anomalies, Service(callee)).Any(a => ServiceAnomalies.SameFamily(a, strongest)));
            if (!explainedBelow)
            {
                roots.Add(service);
            }
        }

        return (degraded, roots);
    }

    private static EntityRef Service(string name) => new(EntityKind.Service, name);
}
