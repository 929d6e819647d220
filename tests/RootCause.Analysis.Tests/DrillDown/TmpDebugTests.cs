using RootCause.Analysis.DrillDown;
using Xunit.Abstractions;

namespace RootCause.Analysis.Tests.DrillDown;

public sealed class TmpDebugTests(ITestOutputHelper output)
{
    [Fact]
    public void Debug()
    {
        var leaves = SyntheticCube.ErrorRate(2, [6, 5, 4, 3], [SyntheticCube.Cause("a=a1", "c=c3")]);
        var dims = SyntheticCube.Dimensions(4);
        var cube = EncodedCube.Build(leaves, dims, DrillDownOptions.Default);
        output.WriteLine($"total {cube.TotalDeviation} dir {cube.Direction}");
        for (var i = 0; i < 20; i++)
        {
            output.WriteLine($"{string.Join(",", leaves[i].Dimensions.Values)} real {cube.Real[i]} exp {cube.Expected[i]:F2} var {cube.Variance[i]:F2} r0 {cube.NullMisfit[i]:F2}");
        }

        foreach (var c in new CauseSearch(cube, DrillDownOptions.Default with { RelativeStop = 0 }).Run())
        {
            output.WriteLine($"{string.Join("&", c.Codes.Select((code, j) => cube.Values[c.Cuboid.Dimensions[j]][code]))} ev {c.Evidence:F1} eff {c.Effect:F2}");
        }
    }
}
