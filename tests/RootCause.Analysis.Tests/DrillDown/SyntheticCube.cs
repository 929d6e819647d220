using RootCause.Analysis.DrillDown;

namespace RootCause.Analysis.Tests.DrillDown;

/// <summary>
/// Builds error-rate cubes: every combination of the given dimension sizes is a leaf with a few hundred to a few
/// thousand requests and a ~1% error rate, sampled twice (forecast and real) so that healthy leaves wobble as
/// real ones do; leaves inside an injected root cause get a much higher real error rate.
/// </summary>
internal static class SyntheticCube
{
    public static List<string> Dimensions(int count) => [.. Enumerable.Range(0, count).Select(d => ((char)('a' + d)).ToString())];

    public static List<CubeLeaf> ErrorRate(int seed, int[] sizes, IReadOnlyList<IReadOnlyDictionary<string, string>> causes, double faultyRate = 0.3, double healthyRate = 0.01, Func<IReadOnlyDictionary<string, string>, double>? trafficScale = null)
    {
        var random = new Random(seed);
        var dims = Dimensions(sizes.Length);
        var leaves = new List<CubeLeaf>();
        foreach (var values in Combinations(sizes))
        {
            var leaf = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var d = 0; d < sizes.Length; d++)
            {
                leaf[dims[d]] = $"{dims[d]}{values[d]}";
            }

            var rate = healthyRate * (0.7 + (0.6 * random.NextDouble()));
            var forecastRequests = random.Next(200, 3000);
            var realRequests = (int)(forecastRequests * (0.9 + (0.2 * random.NextDouble())) * (trafficScale?.Invoke(leaf) ?? 1));
            var faulty = causes.Any(c => c.All(kv => leaf[kv.Key] == kv.Value));
            leaves.Add(new CubeLeaf(
                leaf,
                Binomial(random, realRequests, faulty ? faultyRate : rate),
                Binomial(random, forecastRequests, rate),
                realRequests,
                forecastRequests));
        }

        return leaves;
    }

    public static Dictionary<string, string> Cause(params string[] pairs) =>
        pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    public static IEnumerable<int[]> Combinations(int[] sizes)
    {
        var current = new int[sizes.Length];
        while (true)
        {
            yield return (int[])current.Clone();
            var d = sizes.Length - 1;
            while (d >= 0 && ++current[d] == sizes[d])
            {
                current[d] = 0;
                d--;
            }

            if (d < 0)
            {
                yield break;
            }
        }
    }

    private static int Binomial(Random random, int n, double p)
    {
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            if (random.NextDouble() < p)
            {
                k++;
            }
        }

        return k;
    }
}
