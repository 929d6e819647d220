using RootCause.Analysis.DrillDown;
using Xunit.Abstractions;

namespace RootCause.Analysis.Tests.DrillDown;

public sealed class DrillDownRandomInjectionTests(ITestOutputHelper output)
{
    [Fact]
    public void At_least_fifty_of_sixty_random_injections_of_one_to_three_causes_are_found_exactly()
    {
        int[] sizes = [6, 5, 4, 3];
        var dims = SyntheticCube.Dimensions(4);
        var ok = 0;
        for (var seed = 100; seed < 160; seed++)
        {
            var r = new Random(seed);
            var causes = new List<IReadOnlyDictionary<string, string>>();
            var k = 1 + (seed % 3);
            var tries = 0;
            while (causes.Count < k && tries++ < 100)
            {
                var depth = 1 + r.Next(3);
                var chosen = Enumerable.Range(0, 4).OrderBy(_ => r.Next()).Take(depth).Order().ToList();
                var c = chosen.ToDictionary(d => dims[d], d => $"{dims[d]}{r.Next(sizes[d])}");
                // keep causes disjoint and not too big (a depth-1 cause of dimension a covers 1/6 of the cube)
                if (causes.Any(o => o.All(kv => !c.TryGetValue(kv.Key, out var v) || v == kv.Value) && c.All(kv => !o.TryGetValue(kv.Key, out var v) || v == kv.Value)))
                {
                    continue;
                }

                causes.Add(c);
            }

            var leaves = SyntheticCube.ErrorRate(seed, sizes, causes);
            var found = DrillDownEngine.Localise(leaves, dims).Select(f => Key(f.Dimensions)).Order().ToList();
            var want = causes.Select(Key).Order().ToList();
            var same = found.SequenceEqual(want);
            ok += same ? 1 : 0;
            if (!same)
            {
                output.WriteLine($"seed {seed}: want {string.Join(" | ", want)} got {string.Join(" | ", found)}");
            }
        }

        output.WriteLine($"found exactly: {ok}/60");
        Assert.True(ok >= 50, $"only {ok}/60 found exactly");
    }

    private static string Key(IReadOnlyDictionary<string, string> d) => string.Join('&', d.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}
