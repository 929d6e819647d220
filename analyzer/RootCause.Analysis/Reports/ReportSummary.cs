using System.Globalization;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Reports;

/// <summary>Writes the one-paragraph summary an on-call engineer reads first.</summary>
internal static class ReportSummary
{
    public static string Write(Symptom symptom, AnomalyEvidence? symptomAnomaly, AnalysisOutcome outcome, IReadOnlyList<RankedCause> causes, IReadOnlyList<string> path, DrillDownResult drillDown)
    {
        var kpi = Kpis.Words(symptom.Kpi);
        switch (outcome)
        {
            case AnalysisOutcome.NoData:
                return $"There is no telemetry for {symptom.Service} around {Time(symptom.At)}: check that an agent watches it.";
            case AnalysisOutcome.NoAnomaly:
                return $"The {kpi} of {symptom.Service} stays within its baseline around {Time(symptom.At)}: the alert may be a static threshold on a normal level, or the deviation is older than the analysed window.{Leads(causes)}";
            case AnalysisOutcome.NotEnoughHistory:
                return $"The {kpi} of {symptom.Service} has too little history before {Time(symptom.At)} to tell a deviation from its normal level.{Leads(causes)}";
        }

        var text = new List<string>();
        if (symptomAnomaly is not null)
        {
            text.Add($"The {kpi} of {symptom.Service} ({Words(symptomAnomaly.Metric)}) {Moved(symptomAnomaly)} at {Time(symptomAnomaly.Onset)}.");
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
                (signal is null ? "." : $": {Words(signal.Metric)} {(IsEdge(signal.Entity) ? "on" : "of")} {signal.Entity.Name} {Moved(signal)} at {Time(signal.Onset)}{Lead(signal, symptomAnomaly, kpi, symptom.Service)}."));
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

    /// <summary>What moved around an alert whose KPI did not: named as leads, never as the cause.</summary>
    private static string Leads(IReadOnlyList<RankedCause> causes) => causes.Count == 0
        ? ""
        : $" Around the alert, these deviated and are the leads to check first: {string.Join(", ", causes.Take(3).Select(c => $"{c.Entity} ({c.FaultTitle})"))}.";

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Words(string metric) => MetricCatalog.TryGet(metric, out var definition) ? definition.Words : metric;

    private static bool IsEdge(EntityRef entity) => entity.Kind is EntityKind.NetworkEdge or EntityKind.CallEdge;

    private static string Moved(AnomalyEvidence e) =>
        $"{(e.Direction == Direction.Up ? "rose" : "fell")} from {Value(e.Metric, e.Baseline)} to {Value(e.Metric, e.Observed)}";

    /// <summary>How the cause's onset stands to the symptom's: what a reader checks first to trust the order.</summary>
    private static string Lead(AnomalyEvidence cause, AnomalyEvidence? symptom, string kpi, string service)
    {
        if (symptom is null || ReferenceEquals(cause, symptom))
        {
            return "";
        }

        var seconds = (symptom.Onset - cause.Onset).TotalSeconds;
        var moved = symptom.Direction == Direction.Up ? "rose" : "fell";
        return seconds switch
        {
            > 0 => string.Create(CultureInfo.InvariantCulture, $", {seconds:0} s before the {kpi} of {service} {moved}"),
            < 0 => string.Create(CultureInfo.InvariantCulture, $", {-seconds:0} s after the {kpi} of {service} {moved}"),
            _ => $", as the {kpi} of {service} {moved}",
        };
    }

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
