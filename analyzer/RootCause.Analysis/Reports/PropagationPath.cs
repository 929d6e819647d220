using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Reports;

/// <summary>The chain of services from the alerted one to a root cause, preferring degraded services.</summary>
internal static class PropagationPath
{
    public static IReadOnlyList<string> Find(TopologyGraph graph, string from, EntityRef cause, IReadOnlyDictionary<string, int> degraded)
    {
        var targets = ServicesOf(graph, cause, degraded);
        if (targets.Count == 0)
        {
            return [from];
        }

        // Breadth-first over degraded services first; fall back to any call path.
        foreach (var allowed in new Func<string, bool>[] { s => degraded.ContainsKey(s) || targets.Contains(s), _ => true })
        {
            var previous = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
            var queue = new Queue<string>([from]);
            while (queue.Count > 0)
            {
                var service = queue.Dequeue();
                if (targets.Contains(service))
                {
                    var path = new List<string>();
                    for (string? s = service; s is not null; s = previous[s])
                    {
                        path.Add(s);
                    }

                    path.Reverse();
                    if (cause.Kind == EntityKind.NetworkEdge && NetworkEdge.TryParse(cause.Name, out var edge))
                    {
                        var destination = graph.ServiceOf(edge.Destination) ?? edge.Destination;
                        if (path[^1] != destination)
                        {
                            path.Add(destination);
                        }
                    }

                    return path;
                }

                foreach (var callee in graph.CalleesOf(service))
                {
                    if (allowed(callee) && previous.TryAdd(callee, service))
                    {
                        queue.Enqueue(callee);
                    }
                }
            }
        }

        return [from];
    }

    private static HashSet<string> ServicesOf(TopologyGraph graph, EntityRef cause, IReadOnlyDictionary<string, int> degraded)
    {
        var services = cause.Kind switch
        {
            EntityKind.Service => [cause.Name],
            EntityKind.Instance => [graph.ServiceOf(cause.Name) ?? cause.Name],
            EntityKind.Node => graph.InstancesOn(cause.Name).Select(i => i.Service).Where(degraded.ContainsKey).ToList() is { Count: > 0 } hosted
                ? hosted
                : graph.InstancesOn(cause.Name).Select(i => i.Service).ToList(),
            EntityKind.NetworkEdge when NetworkEdge.TryParse(cause.Name, out var edge) => [graph.ServiceOf(edge.Source) ?? edge.Source],
            _ => new List<string>(),
        };
        return services.ToHashSet(StringComparer.Ordinal);
    }
}
