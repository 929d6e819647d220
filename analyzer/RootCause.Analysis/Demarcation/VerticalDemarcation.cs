using RootCause.Analysis.Detection;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Demarcation;

/// <summary>
/// Stage 3b: from degraded services down to their instances and nodes. An instance is a candidate when
/// only some instances of its service degrade, or when its own resources deviate; a node is a candidate
/// when its resources deviate, and explains the degraded instances it hosts.
/// </summary>
internal static class VerticalDemarcation
{
    public static void Run(TopologyGraph graph, AnomalyMap anomalies, IReadOnlyDictionary<string, int> scope, IReadOnlyDictionary<string, int> degraded, CandidateSet candidates)
    {
        var degradedInstances = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in scope.Keys)
        {
            var instances = graph.InstancesOf(service);
            var bad = instances.Where(i => ServiceAnomalies.IsDegraded(anomalies, Instance(i.Name))).ToList();
            degradedInstances.UnionWith(bad.Select(i => i.Name));
            foreach (var instance in instances)
            {
                var entity = Instance(instance.Name);
                var resources = ServiceAnomalies.CauseSignals(anomalies, entity, ServiceAnomalies.Resource).ToList();
                var isBad = bad.Contains(instance);
                var partial = isBad && bad.Count < instances.Count && degraded.ContainsKey(service);
                if (!partial && resources.Count == 0)
                {
                    continue;
                }

                var candidate = candidates.Get(entity);
                candidate.Signals.AddRange(resources);
                candidate.Signals.AddRange(ServiceAnomalies.Degradation(anomalies, entity));
                candidate.Position = Math.Max(candidate.Position, (partial, resources.Count > 0) switch
                {
                    (true, true) => GraphPosition.Root,
                    (true, false) => GraphPosition.PartialInstance,
                    (false, true) => isBad ? GraphPosition.ResourceBehindDegradation : GraphPosition.Bystander,
                    _ => 0,
                });
                if (partial)
                {
                    candidate.Reasons.Add($"only {bad.Count} of {instances.Count} instances of {service} degrade");
                    candidate.Explains.Add(new EntityRef(EntityKind.Service, service));
                }

                // A killed instance answers nothing: its callers fail, while its own error rate never shows it.
                if (resources.Any(r => r.Metric == MetricCatalog.OomKills))
                {
                    var failing = graph.CallersOf(service).Where(c => degraded.ContainsKey(c) && ServiceAnomalies.Errors.Any(m => anomalies.Of(new EntityRef(EntityKind.Service, c), m) is { Direction: Direction.Up })).ToList();
                    if (failing.Count > 0)
                    {
                        candidate.Reasons.Add($"OOM-killed while {string.Join(", ", failing)} fail{(failing.Count == 1 ? "s" : "")} calling it");
                        candidate.Explains.UnionWith(failing.Select(c => new EntityRef(EntityKind.Service, c)));
                    }
                }
            }
        }

        foreach (var node in scope.Keys.SelectMany(graph.NodesOf).Distinct(StringComparer.Ordinal))
        {
            var entity = new EntityRef(EntityKind.Node, node);
            var resources = ServiceAnomalies.CauseSignals(anomalies, entity, ServiceAnomalies.Resource).ToList();
            if (resources.Count == 0)
            {
                continue;
            }

            var hosted = graph.InstancesOn(node).Where(i => degradedInstances.Contains(i.Name)).ToList();
            var ownCause = hosted.Count(i => ServiceAnomalies.CauseSignals(anomalies, Instance(i.Name), ServiceAnomalies.Resource).Any());
            var candidate = candidates.Get(entity);
            candidate.Signals.AddRange(resources);
            var consumer = Consumer(graph, anomalies, scope, node, candidate.Strongest!);
            candidate.Position = hosted.Count switch
            {
                _ when consumer is not null => GraphPosition.Unrelated,
                >= 2 => GraphPosition.Shared(hosted.Select(i => i.Service).Distinct().Count()),
                1 when ownCause == 0 => GraphPosition.ResourceBehindDegradation,
                _ => GraphPosition.Unrelated,
            };
            if (consumer is not null)
            {
                candidate.Reasons.Add($"its {candidate.Strongest!.Metric} rose with instance {consumer.Name}'s own");
            }
            else if (hosted.Count > 0)
            {
                candidate.Reasons.Add($"hosts {hosted.Count} degraded instance(s): {string.Join(", ", hosted.Select(i => i.Name).Take(5))}");
            }

            if (consumer is null && (hosted.Count >= 2 || (hosted.Count == 1 && ownCause == 0)))
            {
                foreach (var i in hosted)
                {
                    candidate.Explains.Add(Instance(i.Name));
                    candidate.Explains.Add(new EntityRef(EntityKind.Service, i.Service));
                }
            }
        }
    }

    /// <summary>
    /// A node's usage is the sum of what runs on it. When its strongest rise is in what instances consume
    /// (CPU, memory, OOM kills) and an instance in scope on it rose the same way, that instance is the consumer and
    /// the node only shows it; a rise no instance of ours shows (a neighbour outside them) stays the node's.
    /// </summary>
    private static InstanceNode? Consumer(TopologyGraph graph, AnomalyMap anomalies, IReadOnlyDictionary<string, int> scope, string node, SeriesAnomaly strongest)
    {
        string[]? family = strongest.Metric switch
        {
            MetricCatalog.CpuUsage or MetricCatalog.CpuUtilization => [MetricCatalog.CpuUsage, MetricCatalog.CpuUtilization],
            MetricCatalog.MemoryUsage or MetricCatalog.MemoryUtilization => [MetricCatalog.MemoryUsage, MetricCatalog.MemoryUtilization],
            MetricCatalog.OomKills => [MetricCatalog.OomKills],
            _ => null,
        };
        return family is null
            ? null
            : graph.InstancesOn(node)
                .Where(i => scope.ContainsKey(i.Service) && ServiceAnomalies.CauseSignals(anomalies, Instance(i.Name), family).Any())
                .MaxBy(i => ServiceAnomalies.CauseSignals(anomalies, Instance(i.Name), family).Max(a => a.Severity));
    }

    private static EntityRef Instance(string name) => new(EntityKind.Instance, name);
}
