using RootCause.Analysis.Detection.Streaming;

namespace RootCause.Analysis.Tests.Detection.Streaming;

public sealed class StreamingDetectorTests
{
    /// <summary>Seeded noise around 100 with a level shift of +30 at <paramref name="shiftAt"/>.</summary>
    private static double[] Series(int length, int shiftAt, int seed = 7)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = 100 + (random.NextDouble() * 4) - 2 + (i >= shiftAt ? 30 : 0);
        }

        return values;
    }

    [Fact]
    public void Batch_scores_equal_streaming_scores()
    {
        var values = Series(3000, 2000);
        var streaming = new StreamingDetector();
        var streamed = values.Select(streaming.Update).ToArray();

        Assert.Equal(streamed, StreamingDetector.ScoreAll(values));
    }

    [Fact]
    public void A_score_never_depends_on_later_values()
    {
        var values = Series(2500, 1800);
        var changed = (double[])values.Clone();
        for (var i = 1200; i < changed.Length; i++)
        {
            changed[i] = -changed[i] * 50;
        }

        Assert.Equal(StreamingDetector.ScoreAll(values)[..1200], StreamingDetector.ScoreAll(changed)[..1200]);
    }

    [Fact]
    public void Scores_stay_in_zero_to_one_even_for_extreme_and_missing_values()
    {
        var values = Series(1500, 700);
        values[800] = 1e300;
        values[801] = double.NaN;
        values[802] = double.NegativeInfinity;
        values[900] = -1e300;

        var scores = StreamingDetector.ScoreAll(values);

        Assert.All(scores, s => Assert.InRange(s, 0, 1));
        Assert.Equal(0, scores[801]);
    }

    [Fact]
    public void A_level_shift_is_detected_at_its_onset_and_noise_rarely_reaches_the_threshold()
    {
        var scores = StreamingDetector.ScoreAll(Series(3000, 2000));
        var detections = Enumerable.Range(0, scores.Length).Where(i => scores[i] >= StreamingDetectorOptions.DefaultThreshold).ToList();

        Assert.Contains(2000, detections);
        // The default threshold is NAB's standard-profile optimum, which accepts an occasional false positive:
        // on 1,800 scored points of pure noise, at most 3.
        Assert.InRange(detections.Count(i => i < 2000), 0, 3);
        Assert.DoesNotContain(detections, i => i > 2000 && i < 2100);
    }

    [Fact]
    public void Memory_does_not_grow_with_the_series_length()
    {
        static long Allocated(int points)
        {
            var detector = new StreamingDetector();
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < points; i++)
            {
                detector.Update(100 + Math.Sin(i / 10.0));
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Allocated(1000); // warm the JIT
        Assert.True(Allocated(200_000) < 64 * 1024, "updates allocate per point");
    }
}
