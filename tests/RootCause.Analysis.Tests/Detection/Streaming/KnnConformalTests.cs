using RootCause.Analysis.Detection.Streaming;

namespace RootCause.Analysis.Tests.Detection.Streaming;

public sealed class KnnConformalTests
{
    /// <summary>A seeded noisy sine of period 50 around 100.</summary>
    private static double[] Periodic(int length, int seed = 3)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(i => 100 + (10 * Math.Sin(2 * Math.PI * i / 50)) + (random.NextDouble() * 0.5)).ToArray();
    }

    [Fact]
    public void A_shape_never_seen_scores_one_and_the_repeating_rhythm_stays_low()
    {
        // The plateau comes after the calibration ring (3,000) has forgotten the warm-up's strangeness, which
        // is large while few reference windows exist.
        var values = Periodic(6000);
        for (var i = 5000; i < 5010; i++)
        {
            values[i] = 115; // a plateau above the wave's peak: a shape absent from every reference window
        }

        var knn = new KnnConformal(20, 400, 1, 3000, 3);
        var scores = values.Select(knn.Update).ToArray();

        Assert.Equal(1, scores[5000..5010].Max(), 6);
        // The rhythm alone rarely ranks in the top 1 % of its own history (score >= 2/3 means p <= 0.01).
        Assert.InRange(scores.Skip(3000).Take(2000).Count(s => s >= 2.0 / 3), 0, 40);
    }

    [Fact]
    public void Scores_are_zero_until_enough_history_and_within_zero_to_one_after()
    {
        var knn = new KnnConformal(20, 400, 1, 3000, 3);
        var values = Periodic(1500);
        values[700] = 1e300;
        values[900] = -1e300;
        var scores = values.Select(knn.Update).ToArray();

        Assert.All(scores[..(2 * 20)], s => Assert.Equal(0, s));
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
    }

    [Fact]
    public void The_conformal_ensemble_never_looks_ahead_and_matches_its_batch_form()
    {
        var values = Periodic(3000);
        var changed = (double[])values.Clone();
        for (var i = 2000; i < changed.Length; i++)
        {
            changed[i] = -changed[i] * 50;
        }

        var options = StreamingDetectorOptions.Default;
        var streaming = new StreamingDetector(options);
        var streamed = values.Select(streaming.Update).ToArray();

        Assert.Equal(streamed, StreamingDetector.ScoreAll(values, options));
        Assert.Equal(StreamingDetector.ScoreAll(values, options)[..2000], StreamingDetector.ScoreAll(changed, options)[..2000]);
        Assert.All(StreamingDetector.ScoreAll(changed, options), s => Assert.InRange(s, 0, 1));
    }

    [Fact]
    public void The_conformal_ensemble_does_not_allocate_per_point()
    {
        static long Allocated(int points)
        {
            var detector = new StreamingDetector(StreamingDetectorOptions.Default);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < points; i++)
            {
                detector.Update(100 + Math.Sin(i / 10.0));
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Allocated(1000); // warm the JIT
        var fixedCost = Allocated(10_000);
        Assert.True(Allocated(100_000) - fixedCost < 64 * 1024, "updates allocate per point");
    }
}
