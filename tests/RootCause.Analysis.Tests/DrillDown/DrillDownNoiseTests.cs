using RootCause.Analysis.DrillDown;
using Xunit.Abstractions;

namespace RootCause.Analysis.Tests.DrillDown;

public sealed class DrillDownNoiseTests(ITestOutputHelper output)
{
    [Fact]
    public void At_most_two_of_sixty_noise_only_cubes_report_a_root_cause()
    {
        var fp = 0;
        for (var seed = 200; seed < 260; seed++)
        {
            var found = DrillDownEngine.Localise(SyntheticCube.ErrorRate(seed, [6, 5, 4, 3], []), SyntheticCube.Dimensions(4));
            if (found.Count > 0)
            {
                fp++;
                output.WriteLine($"seed {seed}: {string.Join(" | ", found.Select(f => string.Join("&", f.Dimensions.Select(kv => $"{kv.Key}={kv.Value}")) + $" {f.Real:F4}/{f.Expected:F4}"))}");
            }
        }

        output.WriteLine($"noise false positives {fp}/60");
        Assert.True(fp <= 2, $"{fp}/60 noise-only cubes reported a root cause");
    }
}
