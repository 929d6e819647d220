using System.Globalization;
using System.Text;
using RootCause.Evaluation.Scoring;

namespace RootCause.Evaluation.PetShop.Scoring;

/// <summary>The PetShop protocol's summary: top-1/top-3 recall per scenario and target metric, specificity, overall.</summary>
public static class ScoreTable
{
    public const string Overall = "overall (low+high)";

    private static readonly (string Group, string[] Scenarios)[] Groups =
    [
        ("low_traffic", ["low_traffic"]),
        ("high_traffic", ["high_traffic"]),
        ("temporal", ["temporal_traffic1", "temporal_traffic2"]),
    ];

    private static readonly string[] Metrics = ["latency", "availability"];

    public static IReadOnlyList<ScoreRow> Build(IReadOnlyList<IssueOutcome> issues, IReadOnlyList<SpecificityCheck> checks)
    {
        var rows = new List<ScoreRow>();
        foreach (var (group, scenarios) in Groups)
        {
            foreach (var metric in Metrics)
            {
                var selected = issues.Where(i => scenarios.Contains(i.Scenario) && i.Metric == metric).ToArray();
                var specific = checks.Where(c => scenarios.Contains(c.Scenario) && c.Metric == metric).ToArray();
                var published = PublishedBaseline.For(group, metric);
                rows.Add(new ScoreRow(
                    group,
                    metric,
                    Ratio.Of(selected, i => i.InTop(1)),
                    Ratio.Of(selected, i => i.InTop(3)),
                    specific.Length == 0 ? null : Ratio.Of(specific, c => c.Correct),
                    published?.Top1,
                    published?.Top3));
            }
        }

        // The 52 issues that have normal data to compare with: every train and test issue of low and high traffic.
        string[] scorable = ["low_traffic", "high_traffic"];
        var all = issues.Where(i => scorable.Contains(i.Scenario)).ToArray();
        var allChecks = checks.Where(c => scorable.Contains(c.Scenario)).ToArray();
        rows.Add(new ScoreRow(Overall, "all", Ratio.Of(all, i => i.InTop(1)), Ratio.Of(all, i => i.InTop(3)), allChecks.Length == 0 ? null : Ratio.Of(allChecks, c => c.Correct), null, null));
        return rows;
    }

    public static string ToText(IReadOnlyList<ScoreRow> rows)
    {
        var sb = new StringBuilder();
        var header = string.Format(CultureInfo.InvariantCulture, "{0,-19} {1,-13} {2,-16} {3,-10} {4,-16} {5,-10} {6,-16}", "scenario", "metric", "top-1 ours", "top-1 pub.", "top-3 ours", "top-3 pub.", "specificity ours");
        sb.AppendLine(header);
        sb.AppendLine(new string('-', header.Length));
        foreach (var r in rows)
        {
            sb.AppendLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0,-19} {1,-13} {2,-16} {3,-10} {4,-16} {5,-10} {6,-16}",
                r.Group,
                r.Metric,
                r.Top1,
                Published(r.PublishedTop1),
                r.Top3,
                Published(r.PublishedTop3),
                r.Specificity?.ToString() ?? "n/a"));
        }

        sb.AppendLine();
        sb.AppendLine("pub. = " + PublishedBaseline.Citation + ".");
        return sb.ToString();
    }

    private static string Published(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
