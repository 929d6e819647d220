using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Simulation;

/// <summary>
/// The simulated monitoring system: static thresholds on the entry service's p99 latency and error ratio,
/// tuned on the healthy baseline like an SLO alert, evaluated at the end of each interval.
/// </summary>
internal static class AlertEvaluator
{
    public const string Source = "simulator";
    public const string LatencyAlert = "HighRequestLatency";
    public const string ErrorAlert = "HighErrorRate";

    public static (AlertThresholds Thresholds, Symptom? Symptom, string? Description) Evaluate(
        IReadOnlyList<MetricBatch> batches, string entry, int intervals, int baselineIntervals, DateTimeOffset start, double step)
    {
        var p99 = new double[intervals];
        var errorRate = new double[intervals];
        var aggregates = new RequestAggregate[intervals];
        for (var t = 0; t < intervals; t++)
        {
            aggregates[t] = new RequestAggregate();
        }

        foreach (var b in batches)
        {
            var t = (int)Math.Round((b.IntervalStart - start).TotalSeconds / step);
            foreach (var g in b.Golden)
            {
                if (string.Equals(g.Service, entry, StringComparison.Ordinal))
                {
                    aggregates[t].Add(g.Stats);
                }
            }
        }

        for (var t = 0; t < intervals; t++)
        {
            p99[t] = aggregates[t].Quantile(0.99);
            errorRate[t] = aggregates[t].ErrorRatio;
        }

        var baseline = Math.Max(1, Math.Min(baselineIntervals, intervals));
        var maxP99 = p99.Take(baseline).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        var maxErrors = errorRate.Take(baseline).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var thresholds = new AlertThresholds(maxP99 * 1.3, Math.Max(0.02, maxErrors * 2));
        for (var t = baseline; t < intervals; t++)
        {
            var latencyRatio = p99[t] / thresholds.LatencyP99Seconds;
            var errorRatio = errorRate[t] / thresholds.ErrorRate;
            if (!(latencyRatio > 1) && !(errorRatio > 1))
            {
                continue;
            }

            // Both may breach in the same interval; the alert names the one that is further over its line.
            var latency = latencyRatio >= errorRatio || double.IsNaN(errorRatio);
            var at = start.AddSeconds((t + 1) * step);
            var symptom = new Symptom(entry, latency ? Kpis.Latency : Kpis.ErrorRate, null, at, Source, latency ? LatencyAlert : ErrorAlert);
            var description = latency
                ? $"p99 latency of {entry} is {p99[t] * 1000:0} ms (threshold {thresholds.LatencyP99Seconds * 1000:0} ms)"
                : $"error rate of {entry} is {errorRate[t]:P1} (threshold {thresholds.ErrorRate:P1})";
            return (thresholds, symptom, description);
        }

        return (thresholds, null, null);
    }
}
