using RootCause.Analysis.DrillDown;

namespace RootCause.Analysis.Tests.DrillDown;

public sealed class DrillDownEngineTests
{
    private static readonly int[] Sizes = [6, 5, 4, 3];

    public static TheoryData<int, string[]> InjectedCauses => new()
    {
        { 1, ["b=b2"] },
        { 2, ["a=a1&c=c3"] },
        { 3, ["a=a4&b=b0&d=d2"] },
        { 4, ["a=a0", "b=b3&c=c1"] },
        { 5, ["b=b1&d=d0", "a=a5&c=c2&d=d1"] },
        { 6, ["c=c0", "a=a2&b=b4", "a=a3&b=b1&d=d2"] },
        { 7, ["a=a1&b=b1", "a=a4&c=c2", "b=b3&c=c0&d=d1"] },
    };

    [Theory]
    [MemberData(nameof(InjectedCauses))]
    public void Injected_root_causes_of_depth_one_to_three_are_found_exactly(int seed, string[] causes)
    {
        var injected = causes.Select(c => (IReadOnlyDictionary<string, string>)SyntheticCube.Cause(c.Split('&'))).ToList();
        var leaves = SyntheticCube.ErrorRate(seed, Sizes, injected);

        var found = DrillDownEngine.Localise(leaves, SyntheticCube.Dimensions(Sizes.Length));

        Assert.Equal(causes.Order(StringComparer.Ordinal), found.Select(Key).Order(StringComparer.Ordinal));
        Assert.All(found, f => Assert.InRange(f.Score, 0.0, 1.0));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void A_cube_with_only_noise_has_no_root_cause(int seed)
    {
        var leaves = SyntheticCube.ErrorRate(seed, Sizes, []);

        Assert.Empty(DrillDownEngine.Localise(leaves, SyntheticCube.Dimensions(Sizes.Length)));
    }

    [Fact]
    public void A_ratio_kpi_ignores_a_traffic_shift_that_keeps_the_rate()
    {
        // Requests of b=b2 triple, its errors with them at the same rate: the error rate is unchanged, so
        // nothing is wrong, although b=b2 now carries far more errors than forecast.
        var leaves = SyntheticCube.ErrorRate(21, Sizes, [], trafficScale: leaf => leaf["b"] == "b2" ? 3 : 1);

        Assert.Empty(DrillDownEngine.Localise(leaves, SyntheticCube.Dimensions(Sizes.Length)));
    }

    [Fact]
    public void A_ratio_kpi_finds_the_rate_change_hidden_in_a_small_slice()
    {
        // a=a3&d=d1 carries about 1/18 of the traffic; its error rate goes from 1% to 20%.
        var leaves = SyntheticCube.ErrorRate(22, Sizes, [SyntheticCube.Cause("a=a3", "d=d1")], faultyRate: 0.2);

        var found = Assert.Single(DrillDownEngine.Localise(leaves, SyntheticCube.Dimensions(Sizes.Length)));

        Assert.Equal("a=a3&d=d1", Key(found));
        Assert.InRange(found.Real, 0.15, 0.25);
        Assert.InRange(found.Expected, 0.005, 0.015);
        Assert.True(found.Score > 0.9, $"score {found.Score}");
    }

    [Fact]
    public void An_additive_kpi_finds_the_leaves_whose_counts_jumped()
    {
        var random = new Random(31);
        var leaves = SyntheticCube.Combinations([5, 4, 4]).Select(v =>
        {
            var dims = new Dictionary<string, string> { ["a"] = $"a{v[0]}", ["b"] = $"b{v[1]}", ["c"] = $"c{v[2]}" };
            var forecast = 1000.0 + random.Next(0, 500);
            var real = forecast * (0.97 + (0.06 * random.NextDouble()));
            if (dims["b"] == "b1" && dims["c"] == "c2")
            {
                real *= 2.5;
            }

            return new CubeLeaf(dims, Math.Round(real), Math.Round(forecast));
        }).ToList();

        var found = Assert.Single(DrillDownEngine.Localise(leaves, ["a", "b", "c"]));

        Assert.Equal("b=b1&c=c2", Key(found));
    }

    [Fact]
    public void An_empty_cube_has_no_root_cause()
    {
        Assert.Empty(DrillDownEngine.Localise([], ["a"]));
    }

    [Fact]
    public void Leaves_without_a_dimension_value_group_under_the_empty_value()
    {
        var leaves = SyntheticCube.ErrorRate(41, [4, 3], [SyntheticCube.Cause("a=a1")])
            .Select(l => l.Dimensions["a"] == "a1" ? l with { Dimensions = new Dictionary<string, string> { ["b"] = l.Dimensions["b"] } } : l)
            .ToList();

        var found = Assert.Single(DrillDownEngine.Localise(leaves, ["a", "b"]));

        Assert.Equal("a=", Key(found));
    }

    private static string Key(RootCause.Contracts.DrillDownFinding f) =>
        string.Join('&', f.Dimensions.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}
