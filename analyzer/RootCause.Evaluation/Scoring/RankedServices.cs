using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Evaluation.Scoring;

/// <summary>
/// Turns a report's ranked entities into the ranked services that service-level protocols (PetShop, Nezha)
/// score: a service (or external endpoint) is itself, an instance its service, a node every service on it, a
/// network edge its destination's service and a call edge its callee. Later mentions of a service already
/// ranked are dropped.
/// </summary>
public static class RankedServices
{
    public static IReadOnlyList<string> Services(RootCauseReport report, TopologyGraph graph)
    {
        var ranked = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cause in report.RootCauses.OrderBy(c => c.Rank))
        {
            foreach (var service in ServicesOf(cause.Entity, graph))
            {
                if (seen.Add(service))
                {
                    ranked.Add(service);
                }
            }
        }

        return ranked;
    }

    internal static IEnumerable<string> ServicesOf(EntityRef entity, TopologyGraph graph)
    {
        switch (entity.Kind)
        {
            case EntityKind.Service:
            case EntityKind.External:
                return [entity.Name];
            case EntityKind.Instance:
                return graph.Instance(entity.Name) is { } instance ? [instance.Service] : [];
            case EntityKind.Node:
                return graph.InstancesOn(entity.Name).Select(i => i.Service).Distinct(StringComparer.Ordinal);
            case EntityKind.NetworkEdge:
                return NetworkEdge.TryParse(entity.Name, out var edge) ? [graph.ServiceOf(edge.Destination) ?? edge.Destination] : [];
            case EntityKind.CallEdge:
                var arrow = entity.Name.IndexOf(" -> ", StringComparison.Ordinal);
                return arrow < 0 ? [] : [entity.Name[(arrow + 4)..]];
            default:
                return [];
        }
    }
}
