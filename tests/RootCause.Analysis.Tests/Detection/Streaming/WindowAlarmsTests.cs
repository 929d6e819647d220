using RootCause.Analysis.Detection;
using RootCause.Analysis.Detection.Streaming;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Tests.Detection.Streaming;

public sealed class WindowAlarmsTests
{
    private static readonly StreamingDetectorOptions Detector = StreamingDetectorOptions.Default;
    private const double Threshold = StreamingDetectorOptions.DefaultThreshold;

    private static double[] Series(int length, int stepAt, double step)
    {
        var random = new Random(11);
        return Enumerable.Range(0, length).Select(i => 50 + (random.NextDouble() * 2) - 1 + (i >= stepAt ? step : 0)).ToArray();
    }

    [Fact]
    public void The_alarms_over_a_stored_window_are_those_of_streaming_it()
    {
        var values = Series(400, 330, 20);
        var live = new StreamingDetector(Detector);
        var streamed = new List<int>();
        for (var i = 0; i < values.Length; i++)
        {
            if ((live.Update(values[i]) >= Threshold || live.Resting) && i >= 300)
            {
                streamed.Add(i);
            }
        }

        var found = WindowAlarms.Find(values, baselineEnd: 300, windowEnd: 400, Threshold, Detector);

        Assert.Equal(streamed, found);
        Assert.Contains(330, found);
    }

    [Fact]
    public void A_short_baseline_is_the_warm_up_and_the_step_still_alarms_at_its_onset()
    {
        var found = WindowAlarms.Find(Series(45, 36, 20), baselineEnd: 30, windowEnd: 45, Threshold, Detector);

        Assert.Contains(36, found);
    }

    [Fact]
    public void A_baseline_of_fewer_than_five_points_is_no_evidence()
    {
        Assert.Empty(WindowAlarms.Find(Series(20, 4, 20), 4, 20, Threshold, Detector));
    }

    [Fact]
    public void A_spike_the_baseline_already_repeats_is_large_for_the_median_but_no_alarm()
    {
        // Every tenth interval spikes to 80 over a level of 50: the median and MAD see only the level, so the
        // robust test calls the window's spike a burst; the detector has seen the pattern and stays quiet.
        var random = new Random(5);
        var values = Enumerable.Range(0, 160).Select(i => (i % 10 == 9 ? 80 : 50) + (random.NextDouble() * 2) - 1).ToArray();
        var key = new SeriesKey(new EntityRef(EntityKind.Service, "cart"), MetricCatalog.LatencyMean);
        var baseline = RobustDetector.Baseline(key.Metric, values, 140, 15)!;

        Assert.NotNull(RobustDetector.Detect(key, values, 140, 160, 4, baseline));
        Assert.Empty(WindowAlarms.Find(values, 140, 160, Threshold, Detector));
    }
}
