using RootCause.Analysis.Detection;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Demarcation;

/// <summary>
/// Stage 3a: walks call edges down from the alerted service through degraded services only, so a service
/// counts when an anomalous path of calls leads to it. A degraded service none of whose degraded callees
/// explains it is a root: the deviation starts there or just below it (its host, its instances, its network).
/// </summary>
internal static class HorizontalDemarcation
{
    /// <summary>A callee explains a caller's slowness only if its own latency rose by at least this share of the caller's.</summary>
    private const double ExplainingShare = 0.25;

    /// <param name="graph">The topology.</param>
    /// <param name="anomalies">Every anomaly of the incident.</param>
    /// <param name="symptomService">The alerted service.</param>
    /// <param name="symptom">The alerted KPI's deviation: a service is judged on the same kind of degradation
    /// (latency or errors) when it has one, since that is what propagates to the alert.</param>
    public static (Dictionary<string, int> Degraded, HashSet<string> Roots) Run(TopologyGraph graph, AnomalyMap anomalies, string symptomService, SeriesAnomaly symptom)
    {
        var degraded = new Dictionary<string, int>(StringComparer.Ordinal);
        if (ServiceAnomalies.IsDegraded(anomalies, Service(symptomService)))
        {
            degraded[symptomService] = 0;
        }

        var queue = new Queue<string>([symptomService]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { symptomService };
        while (queue.Count > 0)
        {
            var service = queue.Dequeue();
            var depth = degraded.GetValueOrDefault(service);
            foreach (var callee in graph.CalleesOf(service))
            {
                if (seen.Add(callee) && ServiceAnomalies.IsDegraded(anomalies, Service(callee)))
                {
                    degraded[callee] = depth + 1;
                    queue.Enqueue(callee);
                }
            }
        }

        var roots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in degraded.Keys)
        {
            var deviations = ServiceAnomalies.Degradation(anomalies, Service(service)).ToList();
            var strongest = deviations.Where(a => ServiceAnomalies.SameFamily(a, symptom)).MaxBy(a => a.Severity) ?? deviations.MaxBy(a => a.Severity)!;
            var explainedBelow = graph.CalleesOf(service).Any(callee => degraded.ContainsKey(callee) && Explains(anomalies, callee, service, strongest));
            if (!explainedBelow)
            {
                roots.Add(service);
            }
        }

        return (degraded, roots);
    }

    /// <summary>
    /// Whether the callee degrades the same way as the caller's strongest deviation; for latency, also by
    /// enough: a callee 80 ms slower does not explain a caller 400 ms slower.
    /// </summary>
    private static bool Explains(AnomalyMap anomalies, string callee, string caller, SeriesAnomaly callerDeviation)
    {
        if (!ServiceAnomalies.Degradation(anomalies, Service(callee)).Any(a => ServiceAnomalies.SameFamily(a, callerDeviation)))
        {
            return false;
        }

        return !ServiceAnomalies.Latency.Contains(callerDeviation.Metric) || LatencyRise(anomalies, callee) >= ExplainingShare * LatencyRise(anomalies, caller);
    }

    /// <summary>Absolute latency rise in seconds: of the mean when it deviated (means add up along calls), else of the p99.</summary>
    private static double LatencyRise(AnomalyMap anomalies, string service)
    {
        var a = anomalies.Of(Service(service), MetricCatalog.LatencyMean) ?? anomalies.Of(Service(service), MetricCatalog.LatencyP99);
        return a is { Direction: Direction.Up } ? a.Observed - a.Baseline : 0;
    }

    private static EntityRef Service(string name) => new(EntityKind.Service, name);
}
