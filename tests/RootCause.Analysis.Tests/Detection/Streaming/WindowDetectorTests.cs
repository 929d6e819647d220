using RootCause.Analysis.Detection.Streaming;
using RootCause.Contracts;

namespace RootCause.Analysis.Tests.Detection.Streaming;

public sealed class WindowDetectorTests
{
    private static double[] Series(int length, int stepAt, double step)
    {
        var random = new Random(11);
        return Enumerable.Range(0, length).Select(i => 50 + (random.NextDouble() * 2) - 1 + (i >= stepAt ? step : 0)).ToArray();
    }

    [Fact]
    public void A_step_up_in_the_window_gives_its_onset_direction_and_severity()
    {
        var values = Series(400, 330, 20);

        var found = WindowDetector.Detect(values, baselineEnd: 300, windowEnd: 400);

        Assert.NotNull(found);
        Assert.Equal(330, found.OnsetIndex);
        Assert.Equal(Direction.Up, found.Direction);
        Assert.True(found.Severity > 10, $"severity {found.Severity}");
        Assert.InRange(found.Observed, 68, 72);
        Assert.InRange(found.Baseline, 49, 51);
    }

    [Fact]
    public void A_step_down_is_reported_as_down()
    {
        var found = WindowDetector.Detect(Series(400, 350, -20), 300, 400);

        Assert.NotNull(found);
        Assert.Equal(Direction.Down, found.Direction);
        Assert.Equal(350, found.OnsetIndex);
    }

    [Fact]
    public void A_window_like_its_baseline_has_no_deviation()
    {
        Assert.Null(WindowDetector.Detect(Series(400, 1000, 20), 300, 400));
    }

    [Fact]
    public void A_baseline_of_fewer_than_five_points_is_no_evidence()
    {
        Assert.Null(WindowDetector.Detect(Series(20, 4, 20), 4, 20));
    }

    [Fact]
    public void A_short_baseline_of_thirty_points_still_yields_the_step_onset()
    {
        var found = WindowDetector.Detect(Series(45, 36, 20), baselineEnd: 30, windowEnd: 45);

        Assert.NotNull(found);
        Assert.Equal(36, found.OnsetIndex);
        Assert.Equal(Direction.Up, found.Direction);
    }
}
