using RootCause.Analysis.Detection.Streaming;

namespace RootCause.Analysis.Tests.Detection.Streaming;

public sealed class SeasonalConformalTests
{
    /// <summary>A seeded sine of <paramref name="period"/> points around 100 with uniform noise of <paramref name="noise"/>.</summary>
    private static double[] Seasonal(int length, int period, double noise, int seed = 5)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(i => 100 + (10 * Math.Sin(2 * Math.PI * i / period)) + (noise * random.NextDouble())).ToArray();
    }

    private static SeasonalPeriod Estimator() => new(4096, 256, 24, 1440, 0.7, 0.5);

    private static int LastPeriod(SeasonalPeriod estimator, IEnumerable<double> values)
    {
        foreach (var value in values)
        {
            estimator.Update(value);
        }

        return estimator.Period;
    }

    [Theory]
    [InlineData(288)]
    [InlineData(100)]
    [InlineData(1000)]
    public void The_period_of_a_noisy_sine_is_found_from_the_past_alone(int period)
    {
        var estimator = Estimator();

        Assert.InRange(LastPeriod(estimator, Seasonal(3 * period + 512, period, 3)), period * 0.98, period * 1.02);
    }

    [Fact]
    public void Noise_a_trend_and_a_random_walk_have_no_season()
    {
        var random = new Random(11);
        var noise = Enumerable.Range(0, 6000).Select(_ => random.NextDouble()).ToArray();
        var trend = Enumerable.Range(0, 6000).Select(i => i + random.NextDouble()).ToArray();
        var walk = new double[6000];
        for (var i = 1; i < walk.Length; i++)
        {
            walk[i] = walk[i - 1] + random.NextDouble() - 0.5;
        }

        Assert.Equal(0, LastPeriod(Estimator(), noise));
        Assert.Equal(0, LastPeriod(Estimator(), trend));
        Assert.Equal(0, LastPeriod(Estimator(), walk));
        Assert.Equal(0, LastPeriod(Estimator(), Enumerable.Repeat(5.0, 3000)));
    }

    [Fact]
    public void A_changed_cycle_scores_high_and_the_ordinary_cycles_stay_low()
    {
        // The daily shape is flattened for half a period at the same level as its mean: no value is out of range.
        var values = Seasonal(6000, 288, 1);
        for (var i = 5000; i < 5144; i++)
        {
            values[i] = 100.5;
        }

        var view = new SeasonalConformal(Estimator(), 1440, 8, 2, 2, 5000, 10, 3);
        var scores = values.Select(view.Update).ToArray();

        Assert.True(scores[5000..5144].Max() >= 0.8);
        Assert.InRange(scores.Skip(2000).Take(3000).Count(s => s >= 0.8), 0, 30);
    }

    [Fact]
    public void Scores_stay_within_zero_to_one_and_noise_scores_zero()
    {
        var values = Seasonal(5000, 200, 2);
        values[3000] = 1e300;
        values[3500] = -1e300;
        var view = new SeasonalConformal(Estimator(), 1440, 8, 2, 2, 5000, 10, 3);
        Assert.All(values.Select(view.Update), s => Assert.InRange(s, 0, 1));

        var random = new Random(2);
        var quiet = new SeasonalConformal(Estimator(), 1440, 8, 2, 2, 5000, 10, 3);
        Assert.All(Enumerable.Range(0, 5000).Select(_ => quiet.Update(random.NextDouble())), s => Assert.Equal(0, s));
    }

    [Fact]
    public void The_detector_with_the_seasonal_view_never_looks_ahead_and_matches_its_batch_form()
    {
        var values = Seasonal(4000, 288, 2);
        var changed = (double[])values.Clone();
        for (var i = 3000; i < changed.Length; i++)
        {
            changed[i] = 200 - changed[i];
        }

        var options = StreamingDetectorOptions.Default;
        Assert.True(options.SeasonalWeight > 0);
        var streaming = new StreamingDetector(options);
        var streamed = values.Select(streaming.Update).ToArray();

        Assert.Equal(streamed, StreamingDetector.ScoreAll(values, options));
        Assert.Equal(streamed[..3000], StreamingDetector.ScoreAll(changed, options)[..3000]);
    }
}
