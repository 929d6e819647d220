using System.Globalization;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Reports;

/// <summary>Writes the one-paragraph summary an on-call engineer reads first.</summary>
internal static class ReportSummary
{
    public static string Write(Symptom symptom, AnomalyEvidence? symptomAnomaly, AnalysisOutcome outcome, IReadOnlyList<RankedCause> causes, IReadOnlyList<string> path, DrillDownResult drillDown)
    {
        var kpi = symptom.Kpi switch
        {
            Kpis.ErrorRate => "error rate",
            Kpis.Throughput => "throughput",
            _ => "latency",
        };
        switch (outcome)
        {
            case AnalysisOutcome.NoData:
                return $"There is no telemetry for {symptom.Service} around {Time(symptom.At)}: check that an agent watches it.";
            case AnalysisOutcome.NoAnomaly:
                return $"The {kpi} of {symptom.Service} stays within its baseline around {Time(symptom.At)}: the alert may be a static threshold on a normal level, or the deviation is older than the analysed window.";
        }

        var text = new List<string>();
        if (symptomAnomaly is not null)
        {
            text.Add($"The {kpi} of {symptom.Service} ({symptomAnomaly.Metric}) went {(symptomAnomaly.Direction == Direction.Up ? "up" : "down")} from {Value(symptomAnomaly.Metric, symptomAnomaly.Baseline)} to {Value(symptomAnomaly.Metric, symptomAnomaly.Observed)} at {Time(symptomAnomaly.Onset)}.");
        }

        if (outcome == AnalysisOutcome.Inconclusive || causes.Count == 0)
        {
            text.Add("The evidence does not single out a cause; the candidates below are the best leads.");
        }
        else
        {
            var top = causes[0];
            var signal = top.Evidence.Count > 0 ? top.Evidence[0] : null;
            text.Add($"The most likely root cause is {top.Entity} ({top.FaultTitle})" +
                (signal is null ? "." : $": {signal.Metric} of {signal.Entity.Name} went from {Value(signal.Metric, signal.Baseline)} to {Value(signal.Metric, signal.Observed)} from {Time(signal.Onset)}."));
        }

        if (path.Count > 1)
        {
            text.Add($"It propagates along {string.Join(" → ", path)}.");
        }

        if (drillDown.Findings.Count > 0)
        {
            text.Add(drillDown.Explanation);
        }

        if (causes.Count > 1)
        {
            text.Add($"Next candidates: {string.Join(", ", causes.Skip(1).Take(2).Select(c => $"{c.Entity} ({c.FaultTitle})"))}.");
        }

        return string.Join(' ', text);
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A metric value with its unit, scaled for reading (ms for seconds, % for ratios).</summary>
    public static string Value(string metric, double value)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        MetricCatalog.TryGet(metric, out var definition);
        return definition?.Unit switch
        {
            "s" => value < 1 ? string.Create(CultureInfo.InvariantCulture, $"{value * 1000:0.#} ms") : string.Create(CultureInfo.InvariantCulture, $"{value:0.##} s"),
            "ratio" => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.##}%"),
            "B" => string.Create(CultureInfo.InvariantCulture, $"{value / (1024 * 1024):0.#} MiB"),
            "s/s" => string.Create(CultureInfo.InvariantCulture, $"{value * 1000:0.#} ms/s"),
            null => string.Create(CultureInfo.InvariantCulture, $"{value:0.###}"),
            var unit => string.Create(CultureInfo.InvariantCulture, $"{value:0.###} {unit}"),
        };
    }
}
