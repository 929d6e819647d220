using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Detection;

/// <summary>
/// The series that measure an alerted KPI. A latency alert that names its statistic (an average, or a
/// percentile) is checked on that statistic alone: a p99 spike does not confirm an alert on the mean.
/// </summary>
internal static class SymptomMetrics
{
    public static string[] For(Symptom symptom) => symptom.Kpi switch
    {
        Kpis.ErrorRate => [MetricCatalog.ErrorRate, MetricCatalog.Errors],
        Kpis.Throughput => [MetricCatalog.Requests],
        _ => LatencyStatistic(symptom.AlertName),
    };

    private static string[] LatencyStatistic(string? alertName)
    {
        var name = alertName?.ToLowerInvariant() ?? "";
        if (name.Contains("average", StringComparison.Ordinal) || name.Contains("mean", StringComparison.Ordinal) || name.Contains("avg", StringComparison.Ordinal))
        {
            return [MetricCatalog.LatencyMean];
        }

        return name.Contains("p99", StringComparison.Ordinal) || name.Contains("percentile", StringComparison.Ordinal) || name.Contains("quantile", StringComparison.Ordinal)
            ? [MetricCatalog.LatencyP99]
            : [MetricCatalog.LatencyP99, MetricCatalog.LatencyMean];
    }

    /// <summary>Signals that can explain failing requests, as opposed to slow ones.</summary>
    public static readonly string[] ErrorCauses =
    [
        MetricCatalog.Errors, MetricCatalog.ErrorRate, MetricCatalog.ConnectFailures, MetricCatalog.Resets, MetricCatalog.OomKills,
    ];
}
