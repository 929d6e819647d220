using BenchmarkDotNet.Attributes;
using RootCause.Analysis.DrillDown;

namespace RootCause.Benchmarks.DrillDown;

/// <summary>
/// Time to localise one case of 10^5 leaves (5 dimensions of 10 values) and of 10^6 leaves (6 dimensions),
/// an error-rate cube with two injected root causes (depth 2 and 3). Setup checks that both are found, so a
/// fast wrong answer cannot pass for a result.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class DrillDownBenchmarks
{
    private List<CubeLeaf> _leaves = [];
    private List<string> _dimensions = [];

    [Params(100_000, 1_000_000)]
    public int Leaves { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dimensionCount = Leaves >= 1_000_000 ? 6 : 5;
        _dimensions = [.. Enumerable.Range(0, dimensionCount).Select(d => ((char)('a' + d)).ToString())];
        var random = new Random(7);
        _leaves = new List<CubeLeaf>(Leaves);
        var values = new int[dimensionCount];
        for (var leaf = 0; leaf < Leaves; leaf++)
        {
            var rest = leaf;
            var dims = new Dictionary<string, string>(dimensionCount, StringComparer.Ordinal);
            for (var d = 0; d < dimensionCount; d++)
            {
                values[d] = rest % 10;
                rest /= 10;
                dims[_dimensions[d]] = $"{_dimensions[d]}{values[d]}";
            }

            var faulty = (values[0] == 3 && values[1] == 7) || (values[2] == 1 && values[3] == 4 && values[4] == 2);
            var requests = random.Next(50, 500);
            var rate = 0.01 * (0.7 + (0.6 * random.NextDouble()));
            _leaves.Add(new CubeLeaf(dims, Poisson(random, requests * (faulty ? 0.2 : rate)), Poisson(random, requests * rate), requests, requests));
        }

        var found = DrillDownEngine.Localise(_leaves, _dimensions)
            .Select(f => string.Join('&', f.Dimensions.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!found.SequenceEqual(["a=a3&b=b7", "c=c1&d=d4&e=e2"]))
        {
            throw new InvalidOperationException($"drill-down found {string.Join(" | ", found)} instead of the injected causes");
        }
    }

    [Benchmark]
    public int Localise() => DrillDownEngine.Localise(_leaves, _dimensions).Count;

    private static int Poisson(Random random, double mean)
    {
        // Normal approximation above 30 keeps setup of a million leaves quick.
        if (mean > 30)
        {
            var u = 1 - random.NextDouble();
            var v = random.NextDouble();
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v))));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }
}
