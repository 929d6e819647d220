using System.Globalization;
using System.Text;
using RootCause.Contracts;

namespace RootCause.Server.Reports;

/// <summary>
/// Renders a report as Markdown an on-call engineer can act on: what, where, why, what next.
/// Every string from the report is treated as hostile and escaped (see <see cref="MarkdownText"/>).
/// </summary>
public static class ReportMarkdown
{
    public static string Render(RootCauseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder(4096);
        var symptom = report.Symptom;

        md.Append("# ").Append(E(KpiTitle(symptom.Kpi))).Append(" of ").Append(E(symptom.Service));
        if (!string.IsNullOrEmpty(symptom.Operation))
        {
            md.Append(" (").Append(E(symptom.Operation)).Append(')');
        }

        md.Append("\n\n");
        md.Append("- **Outcome:** ").Append(OutcomeText(report.Outcome)).Append('\n');
        md.Append("- **Alert:** ").Append(symptom.AlertName is { Length: > 0 } alert ? E(alert) : "—")
            .Append(" from ").Append(E(symptom.Source)).Append(" at ").Append(Time(symptom.At)).Append('\n');
        if (report.RootCauses.Count > 0)
        {
            var top = report.RootCauses[0];
            md.Append("- **Most likely root cause:** ").Append(E(top.Entity.ToString())).Append(" — ").Append(E(top.FaultTitle)).Append('\n');
        }

        md.Append("- **Analysis:** ").Append(report.Id.ToString("D")).Append(", produced ").Append(Time(report.CreatedAt)).Append("\n\n");

        if (!string.IsNullOrWhiteSpace(report.Summary))
        {
            md.Append(E(report.Summary)).Append("\n\n");
        }

        RenderCauses(md, report.RootCauses);
        RenderPropagation(md, report.PropagationPath);
        RenderDrillDown(md, report.DrillDown);

        md.Append("## Window\n\n")
            .Append(Time(report.Window.Start)).Append(" → ").Append(Time(report.Window.End))
            .Append(" (").Append(((int)Math.Round((report.Window.End - report.Window.Start).TotalMinutes)).ToString(CultureInfo.InvariantCulture)).Append(" min)\n");
        return md.ToString();
    }

    private static void RenderCauses(StringBuilder md, IReadOnlyList<RankedCause> causes)
    {
        md.Append("## Root causes\n\n");
        if (causes.Count == 0)
        {
            md.Append("No candidate is supported by the evidence.\n\n");
            return;
        }

        md.Append("| Rank | Entity | Fault class | Score |\n|---:|---|---|---:|\n");
        foreach (var cause in causes)
        {
            md.Append("| ").Append(cause.Rank.ToString(CultureInfo.InvariantCulture))
                .Append(" | ").Append(E(cause.Entity.ToString()))
                .Append(" | ").Append(E(cause.FaultTitle))
                .Append(" | ").Append(cause.Score.ToString("0.00", CultureInfo.InvariantCulture))
                .Append(" |\n");
        }

        md.Append('\n');
        foreach (var cause in causes)
        {
            md.Append("### ").Append(cause.Rank.ToString(CultureInfo.InvariantCulture)).Append(". ")
                .Append(E(cause.Entity.ToString())).Append(" — ").Append(E(cause.FaultTitle))
                .Append(" (`").Append(CodeSpan(cause.FaultClass)).Append("`)\n\n");

            if (cause.ConditionPath.Count > 0)
            {
                md.Append("**Fault-tree path:**\n\n");
                for (var i = 0; i < cause.ConditionPath.Count; i++)
                {
                    md.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(E(cause.ConditionPath[i])).Append('\n');
                }

                md.Append('\n');
            }

            if (cause.Evidence.Count > 0)
            {
                md.Append("**Evidence:**\n\n| Entity | Metric | Direction | Severity | Baseline → observed | Onset |\n|---|---|---|---:|---|---|\n");
                foreach (var e in cause.Evidence)
                {
                    md.Append("| ").Append(E(e.Entity.ToString()))
                        .Append(" | ").Append(E(e.Metric))
                        .Append(" | ").Append(e.Direction == Direction.Up ? "↑ up" : "↓ down")
                        .Append(" | ").Append(ReportUnits.Number(e.Severity))
                        .Append(" | ").Append(E(ReportUnits.Format(e.Metric, e.Baseline))).Append(" → ").Append(E(ReportUnits.Format(e.Metric, e.Observed)))
                        .Append(" | ").Append(Time(e.Onset))
                        .Append(" |\n");
                }

                md.Append('\n');
            }

            if (!string.IsNullOrWhiteSpace(cause.Advice))
            {
                md.Append("**Advice:** ").Append(E(cause.Advice)).Append("\n\n");
            }
        }
    }

    private static void RenderPropagation(StringBuilder md, IReadOnlyList<string> path)
    {
        md.Append("## Propagation path\n\n");
        md.Append(path.Count == 0 ? "Not determined." : string.Join(" → ", path.Select(E))).Append("\n\n");
    }

    private static void RenderDrillDown(StringBuilder md, DrillDownResult? drillDown)
    {
        if (drillDown is null)
        {
            return;
        }

        md.Append("## Drill-down of ").Append(E(KpiTitle(drillDown.Kpi).ToLowerInvariant())).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(drillDown.Explanation))
        {
            md.Append(E(drillDown.Explanation)).Append("\n\n");
        }

        if (drillDown.Findings.Count == 0)
        {
            return;
        }

        md.Append("| Dimensions | Explains | Observed | Expected |\n|---|---:|---:|---:|\n");
        var metric = drillDown.Kpi switch
        {
            Kpis.Latency => "latency_mean",
            Kpis.ErrorRate => "error_rate",
            Kpis.Throughput => "requests",
            _ => drillDown.Kpi,
        };
        foreach (var f in drillDown.Findings)
        {
            var dims = string.Join(", ", f.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => E(d.Key) + "=" + E(d.Value)));
            md.Append("| ").Append(dims)
                .Append(" | ").Append(ReportUnits.Number(f.Score * 100)).Append(" %")
                .Append(" | ").Append(E(ReportUnits.Format(metric, f.Real)))
                .Append(" | ").Append(E(ReportUnits.Format(metric, f.Expected)))
                .Append(" |\n");
        }

        md.Append('\n');
    }

    private static string E(string? text) => MarkdownText.Escape(text);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static string KpiTitle(string kpi) => kpi switch
    {
        Kpis.Latency => "Latency",
        Kpis.ErrorRate => "Error rate",
        Kpis.Throughput => "Throughput",
        _ => kpi,
    };

    private static string OutcomeText(AnalysisOutcome outcome) => outcome switch
    {
        AnalysisOutcome.RootCauseFound => "root cause found",
        AnalysisOutcome.Inconclusive => "inconclusive — the symptom is visible but no single cause stands out",
        AnalysisOutcome.NoAnomaly => "no anomaly — the alerted KPI looks normal in the window; any causes below are leads",
        AnalysisOutcome.NoData => "no data — there is no telemetry for the alerted service in the window",
        AnalysisOutcome.NotEnoughHistory => "not enough history — the alerted KPI has too few points before the window to judge",
        _ => outcome.ToString(),
    };

    /// <summary>Text for inside a code span: backslashes are literal there, so only backticks and line breaks must go.</summary>
    private static string CodeSpan(string text) =>
        new(text.Where(c => c != '`' && !char.IsControl(c)).ToArray());
}
