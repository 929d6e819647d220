using RootCause.Contracts;

namespace RootCause.Analysis.DrillDown;

/// <summary>
/// Finds the few dimension-value combinations that explain a KPI's deviation. For each leaf the excess is
/// real numerator minus what the forecast ratio predicts for the real denominator; a dimension value
/// "explains" when it carries most of the excess with a small share of the traffic. Combinations are
/// refined one dimension at a time, so results may span several dimensions.
/// </summary>
public static class DrillDownEngine
{
    private const double ExplainedShare = 0.8;
    private const double MaxTrafficShare = 0.7;
    private const int MaxValuesPerDimension = 3;

    public static IReadOnlyList<DrillDownFinding> Localise(IReadOnlyList<CubeLeaf> leaves, IReadOnlyList<string> dimensions)
    {
        var total = Excess(leaves);
        if (leaves.Count == 0 || Math.Abs(total) < 1e-12)
        {
            return [];
        }

        return Refine(leaves, dimensions, new Dictionary<string, string>(StringComparer.Ordinal), total, depth: 0);
    }

    private static List<DrillDownFinding> Refine(IReadOnlyList<CubeLeaf> leaves, IReadOnlyList<string> dimensions, Dictionary<string, string> fixedDims, double total, int depth)
    {
        var best = BestSplit(leaves, dimensions.Where(d => !fixedDims.ContainsKey(d)).ToList(), total);
        if (best is null || depth >= 3)
        {
            return [];
        }

        var findings = new List<DrillDownFinding>();
        foreach (var (value, group) in best.Value.Groups)
        {
            var dims = new Dictionary<string, string>(fixedDims, StringComparer.Ordinal) { [best.Value.Dimension] = value };
            var deeper = Refine(group, dimensions, dims, total, depth + 1);
            if (deeper.Count > 0)
            {
                findings.AddRange(deeper);
            }
            else
            {
                findings.Add(Finding(dims, group, total));
            }
        }

        return findings.OrderByDescending(f => f.Score).ToList();
    }

    /// <summary>The dimension whose few values carry most of the excess with the least traffic.</summary>
    private static (string Dimension, List<(string Value, List<CubeLeaf> Group)> Groups)? BestSplit(IReadOnlyList<CubeLeaf> leaves, List<string> dimensions, double total)
    {
        (string, List<(string, List<CubeLeaf>)>)? best = null;
        var bestScore = 0.0;
        var traffic = leaves.Sum(l => l.RealDenominator);
        foreach (var dimension in dimensions)
        {
            var groups = leaves.GroupBy(l => l.Dimensions.GetValueOrDefault(dimension) ?? "", StringComparer.Ordinal)
                .Select(g => (Value: g.Key, Group: g.ToList(), Excess: Excess(g.ToList())))
                .Where(g => Math.Sign(g.Excess) == Math.Sign(total))
                .OrderByDescending(g => Math.Abs(g.Excess))
                .ToList();
            if (groups.Count == 0)
            {
                continue;
            }

            var chosen = new List<(string, List<CubeLeaf>)>();
            double explained = 0, share = 0;
            foreach (var g in groups.Take(MaxValuesPerDimension))
            {
                chosen.Add((g.Value, g.Group));
                explained += g.Excess / total;
                share += traffic > 0 ? g.Group.Sum(l => l.RealDenominator) / traffic : 0;
                if (explained >= ExplainedShare)
                {
                    break;
                }
            }

            var distinct = leaves.Select(l => l.Dimensions.GetValueOrDefault(dimension)).Distinct().Count();
            if (explained < ExplainedShare || share > MaxTrafficShare || chosen.Count >= distinct)
            {
                continue;
            }

            var score = explained * (1 - share);
            if (score > bestScore)
            {
                bestScore = score;
                best = (dimension, chosen);
            }
        }

        return best;
    }

    private static DrillDownFinding Finding(Dictionary<string, string> dims, List<CubeLeaf> group, double total)
    {
        var realNum = group.Sum(l => l.Real);
        var realDen = group.Sum(l => l.RealDenominator);
        var forecastNum = group.Sum(l => l.Forecast);
        var forecastDen = group.Sum(l => l.ForecastDenominator);
        return new DrillDownFinding(
            dims,
            Math.Round(Math.Clamp(Excess(group) / total, 0, 1), 3),
            realDen > 0 ? realNum / realDen : 0,
            forecastDen > 0 ? forecastNum / forecastDen : 0);
    }

    private static double Excess(IReadOnlyList<CubeLeaf> leaves)
    {
        double sum = 0;
        foreach (var l in leaves)
        {
            var expectedRatio = l.ForecastDenominator > 0 ? l.Forecast / l.ForecastDenominator : 0;
            sum += l.Real - (expectedRatio * l.RealDenominator);
        }

        return sum;
    }
}
