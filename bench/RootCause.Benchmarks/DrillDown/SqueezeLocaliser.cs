using RootCause.Analysis.DrillDown;
using RootCause.Evaluation.RiskLoc;

namespace RootCause.Benchmarks.DrillDown;

/// <summary>
/// A Squeeze-style localiser (after Li et al., ISSRE 2019), written from the paper for the side-by-side run:
/// leaves carrying most of the absolute deviation are kept, grouped by their deviation score
/// d = 2(f - v)/(f + v) with a smoothed histogram cut at its valleys (one group per root cause, as Squeeze
/// assumes one ripple effect per cause), and for each group the cuboid and element set whose "ripple effect"
/// explanation has the best generalised potential score, less a small cost per element and dimension.
/// </summary>
public sealed class SqueezeLocaliser(double keptDeviationShare = 0.9, double costPerElementDimension = 0.02, int maxDepth = 3, int maxElements = 10) : IRootCauseLocaliser
{
    private const double BinWidth = 0.02;
    private const int Bins = 200;

    public string Name => "Squeeze";

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Localise(IReadOnlyList<CubeLeaf> leaves, IReadOnlyList<string> dimensions)
    {
        var n = leaves.Count;
        var v = new double[n];
        var f = new double[n];
        var d = new double[n];
        for (var i = 0; i < n; i++)
        {
            var l = leaves[i];
            v[i] = l.Real;
            f[i] = l.ForecastDenominator > 0 ? l.Forecast / l.ForecastDenominator * l.RealDenominator : 0;
            d[i] = f[i] + v[i] != 0 ? 2 * (f[i] - v[i]) / (f[i] + v[i]) : 0;
        }

        var anomalous = Anomalous(v, f);
        if (anomalous.Count == 0)
        {
            return [];
        }

        var causes = new List<IReadOnlyDictionary<string, string>>();
        var cuboids = Cuboids(dimensions.Count, Math.Min(maxDepth, dimensions.Count));
        foreach (var cluster in Clusters(anomalous, d))
        {
            var best = BestExplanation(leaves, dimensions, cuboids, cluster, v, f);
            foreach (var element in best)
            {
                causes.Add(element);
            }
        }

        return causes;
    }

    /// <summary>The leaves that together carry <c>keptDeviationShare</c> of the absolute deviation, biggest first.</summary>
    private List<int> Anomalous(double[] v, double[] f)
    {
        var order = Enumerable.Range(0, v.Length).OrderByDescending(i => Math.Abs(v[i] - f[i])).ToList();
        var total = order.Sum(i => Math.Abs(v[i] - f[i]));
        var kept = new List<int>();
        double sum = 0;
        foreach (var i in order)
        {
            if (total <= 0 || sum >= keptDeviationShare * total)
            {
                break;
            }

            kept.Add(i);
            sum += Math.Abs(v[i] - f[i]);
        }

        return kept;
    }

    private static List<HashSet<int>> Clusters(List<int> anomalous, double[] d)
    {
        var histogram = new double[Bins + 1];
        foreach (var i in anomalous)
        {
            histogram[Bin(d[i])] += 1;
        }

        var smooth = new double[Bins + 1];
        for (var b = 0; b <= Bins; b++)
        {
            for (var o = -6; o <= 6; o++)
            {
                var k = b + o;
                if (k >= 0 && k <= Bins)
                {
                    smooth[b] += histogram[k] * Math.Exp(-o * o / 8.0);
                }
            }
        }

        // Valleys of the smoothed histogram separate the clusters.
        var label = new int[Bins + 1];
        var current = 0;
        for (var b = 1; b <= Bins; b++)
        {
            if (b < Bins && smooth[b] < smooth[b - 1] && smooth[b] <= smooth[b + 1])
            {
                current++;
            }

            label[b] = current;
        }

        return anomalous.GroupBy(i => label[Bin(d[i])]).Select(g => g.ToHashSet()).ToList();
    }

    private static List<int[]> Cuboids(int count, int depth)
    {
        var all = new List<int[]>();
        for (var mask = 1; mask < 1 << count; mask++)
        {
            var dims = Enumerable.Range(0, count).Where(d => (mask & (1 << d)) != 0).ToArray();
            if (dims.Length <= depth)
            {
                all.Add(dims);
            }
        }

        return [.. all.OrderBy(c => c.Length)];
    }

    private static int Bin(double d) => Math.Clamp((int)Math.Round((d + 2) / BinWidth), 0, Bins);

    private List<IReadOnlyDictionary<string, string>> BestExplanation(IReadOnlyList<CubeLeaf> leaves, IReadOnlyList<string> dimensions, List<int[]> cuboids, HashSet<int> cluster, double[] v, double[] f)
    {
        var n = leaves.Count;
        var totalAbs = 0.0;
        for (var i = 0; i < n; i++)
        {
            totalAbs += Math.Abs(v[i] - f[i]);
        }

        List<IReadOnlyDictionary<string, string>> best = [];
        var bestScore = double.NegativeInfinity;
        foreach (var cuboid in cuboids)
        {
            var elements = Enumerable.Range(0, n)
                .GroupBy(i => string.Join('\u001f', cuboid.Select(dm => leaves[i].Dimensions.GetValueOrDefault(dimensions[dm]) ?? "")), StringComparer.Ordinal)
                .Select(g => (Leaves: g.ToList(), InCluster: g.Count(cluster.Contains)))
                .Where(e => e.InCluster > 0)
                .OrderByDescending(e => (double)e.InCluster / e.Leaves.Count)
                .ThenByDescending(e => e.InCluster)
                .Take(maxElements)
                .ToList();

            var set = new List<int>();
            for (var k = 0; k < elements.Count; k++)
            {
                set.AddRange(elements[k].Leaves);
                var score = PotentialScore(set, v, f, totalAbs) - (costPerElementDimension * (k + 1) * cuboid.Length);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = elements.Take(k + 1).Select(e => (IReadOnlyDictionary<string, string>)cuboid.ToDictionary(
                        dm => dimensions[dm],
                        dm => leaves[e.Leaves[0]].Dimensions.GetValueOrDefault(dimensions[dm]) ?? "",
                        StringComparer.Ordinal)).ToList();
                }
            }
        }

        return best;
    }

    /// <summary>GPS: how much of the absolute deviation the ripple effect (every leaf of the set scaled alike) explains.</summary>
    private static double PotentialScore(List<int> set, double[] v, double[] f, double totalAbs)
    {
        double sv = 0, sf = 0, before = 0;
        foreach (var i in set)
        {
            sv += v[i];
            sf += f[i];
            before += Math.Abs(v[i] - f[i]);
        }

        var ratio = sf != 0 ? sv / sf : 1;
        var after = 0.0;
        foreach (var i in set)
        {
            after += Math.Abs(v[i] - (f[i] * ratio));
        }

        return totalAbs > 0 ? 1 - ((after + (totalAbs - before)) / totalAbs) : 0;
    }
}
