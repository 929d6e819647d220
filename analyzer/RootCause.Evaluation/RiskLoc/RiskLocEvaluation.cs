using System.Diagnostics;
using System.Globalization;

namespace RootCause.Evaluation.RiskLoc;

/// <summary>
/// The RS protocol: each localiser on each case, a prediction counting only on an exact, order-insensitive
/// match of its whole attribute=value set with a (deduplicated) label, scored by micro-F1 over all cases.
/// </summary>
public static class RiskLocEvaluation
{
    public static (IReadOnlyList<RiskLocCaseResult> Cases, IReadOnlyList<RiskLocScore> Scores) Run(IReadOnlyList<RiskLocCase> cases, IReadOnlyList<IRootCauseLocaliser> localisers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(localisers);
        var results = new List<RiskLocCaseResult>();
        foreach (var c in cases)
        {
            foreach (var localiser in localisers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(Score(c, localiser));
            }
        }

        var scores = localisers.Select(l =>
        {
            var mine = results.Where(r => r.Localiser == l.Name).ToList();
            return new RiskLocScore(l.Name, mine.Sum(r => r.TruePositives), mine.Sum(r => r.FalsePositives), mine.Sum(r => r.FalseNegatives), TimeSpan.FromTicks(mine.Sum(r => r.Elapsed.Ticks)), mine.Count);
        }).ToList();
        return (results, scores);
    }

    public static RiskLocCaseResult Score(RiskLocCase c, IRootCauseLocaliser localiser)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(localiser);
        var watch = Stopwatch.StartNew();
        var predicted = localiser.Localise(c.Leaves, c.Attributes);
        watch.Stop();

        // A localiser that repeats itself gains nothing: predictions are a set, like the labels.
        var predictedKeys = predicted.Select(CauseKey.Of).Distinct(StringComparer.Ordinal).ToList();
        var labelKeys = c.Labels.Select(CauseKey.Of).Distinct(StringComparer.Ordinal).ToList();
        var tp = predictedKeys.Count(labelKeys.Contains);
        return new RiskLocCaseResult(c.Name, localiser.Name, predictedKeys, labelKeys, tp, predictedKeys.Count - tp, labelKeys.Count - tp, watch.Elapsed);
    }

    /// <summary>Per case: each localiser's F1 contribution (hits/predicted/labels) and time; then the totals.</summary>
    public static void Print(TextWriter output, IReadOnlyList<RiskLocCaseResult> cases, IReadOnlyList<RiskLocScore> scores, bool perCase = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(scores);
        var names = scores.Select(s => s.Localiser).ToList();
        var inv = CultureInfo.InvariantCulture;
        if (perCase)
        {
            output.WriteLine("case" + string.Concat(names.Select(n => $"\t{n} hit/pred/label ms")));
            foreach (var group in cases.GroupBy(r => r.Case))
            {
                var cells = names.Select(n =>
                {
                    var r = group.First(x => x.Localiser == n);
                    return string.Create(inv, $"\t{r.TruePositives}/{r.Predicted.Count}/{r.Labels.Count} {r.Elapsed.TotalMilliseconds:F1}");
                });
                output.WriteLine(group.Key + string.Concat(cells));
            }

            output.WriteLine();
        }

        output.WriteLine("localiser\tmicro-F1\tprecision\trecall\tTP\tFP\tFN\ttotal ms\tms/case");
        foreach (var s in scores)
        {
            output.WriteLine(string.Create(inv, $"{s.Localiser}\t{s.F1:F3}\t{s.Precision:F3}\t{s.Recall:F3}\t{s.TruePositives}\t{s.FalsePositives}\t{s.FalseNegatives}\t{s.Elapsed.TotalMilliseconds:F0}\t{s.Elapsed.TotalMilliseconds / Math.Max(1, s.Cases):F2}"));
        }
    }
}
