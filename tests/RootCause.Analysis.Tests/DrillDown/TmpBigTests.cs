using RootCause.Analysis.DrillDown;
using Xunit.Abstractions;

namespace RootCause.Analysis.Tests.DrillDown;

public sealed class TmpBigTests(ITestOutputHelper output)
{
    [Fact]
    public void Big()
    {
        var dimensionCount = 6;
        var dimsList = Enumerable.Range(0, dimensionCount).Select(d => ((char)('a' + d)).ToString()).ToList();
        var random = new Random(7);
        var leaves = new List<CubeLeaf>();
        var values = new int[dimensionCount];
        for (var leaf = 0; leaf < 1_000_000; leaf++)
        {
            var rest = leaf;
            var dims = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var d = 0; d < dimensionCount; d++)
            {
                values[d] = rest % 10;
                rest /= 10;
                dims[dimsList[d]] = $"{dimsList[d]}{values[d]}";
            }

            var faulty = (values[0] == 3 && values[1] == 7) || (values[2] == 1 && values[3] == 4 && values[4] == 2);
            var requests = random.Next(50, 500);
            var rate = 0.01 * (0.7 + (0.6 * random.NextDouble()));
            leaves.Add(new CubeLeaf(dims, Math.Round(requests * (faulty ? 0.2 : rate) * (0.8 + (0.4 * random.NextDouble()))), Math.Round(requests * rate * (0.8 + (0.4 * random.NextDouble()))), requests, requests));
        }

        var cube = EncodedCube.Build(leaves, dimsList, DrillDownOptions.Default);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var c in new CauseSearch(cube, DrillDownOptions.Default with { RelativeStop = 0, CausePenalty = 0 }).Run())
        {
            output.WriteLine($"{string.Join("&", c.Codes.Select((code, j) => cube.Values[c.Cuboid.Dimensions[j]][code]))} ev {c.Evidence:F1} eff {c.Effect:F2} leaves {c.Leaves}");
        }

        output.WriteLine($"{watch.ElapsedMilliseconds} ms");
    }
}
