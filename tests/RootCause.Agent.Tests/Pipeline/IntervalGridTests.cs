using RootCause.Agent.Pipeline;

namespace RootCause.Agent.Tests.Pipeline;

public sealed class IntervalGridTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ten = TimeSpan.FromSeconds(10);

    [Fact]
    public void Cells_are_wall_clock_multiples_of_the_interval_and_the_start_up_cell_is_partial()
    {
        var clock = new ManualClock(Noon.AddSeconds(3.2));
        var grid = new IntervalGrid(Ten, clock);

        Assert.Equal((Noon, true), (grid.CurrentStart, grid.CurrentIsPartial));
        clock.Set(Noon.AddSeconds(9.99));
        Assert.Null(grid.Poll());

        clock.Set(Noon.AddMilliseconds(10_040));
        Assert.Equal(new ClosedInterval(Noon, 10, IntervalOutcome.Partial, TimeSpan.FromMilliseconds(40)), grid.Poll());
        Assert.Equal((Noon.AddSeconds(10), false), (grid.CurrentStart, grid.CurrentIsPartial));
    }

    [Fact]
    public void A_late_flush_keeps_the_grid_boundary_and_the_nominal_length()
    {
        var clock = new ManualClock(Noon);
        var grid = new IntervalGrid(Ten, clock);
        var lateness = new[] { 0, 49, 12, 50, 1 };
        var closed = new List<ClosedInterval>();
        for (var i = 0; i < lateness.Length; i++)
        {
            clock.Set(Noon.AddMilliseconds((10_000 * (i + 1)) + lateness[i]));
            closed.Add(grid.Poll()!);
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => Noon.AddSeconds(10 * i)), closed.Select(c => c.Start));
        Assert.All(closed, c => Assert.Equal((10.0, IntervalOutcome.Sent), (c.Seconds, c.Outcome)));
        Assert.Equal(TimeSpan.FromMilliseconds(49), closed[1].Lateness);
    }

    [Fact]
    public void Agents_started_at_different_moments_close_the_same_cells()
    {
        var starts = new[] { 0.0, 2.5, 7.0, 9.999 };
        var clocks = starts.Select(s => new ManualClock(Noon.AddSeconds(s))).ToArray();
        var grids = clocks.Select(c => new IntervalGrid(Ten, c)).ToArray();
        var sent = grids.Select(_ => new List<DateTimeOffset>()).ToArray();

        for (var ms = 0; ms <= 41_000; ms += 7)
        {
            for (var a = 0; a < grids.Length; a++)
            {
                clocks[a].Set(Noon.AddMilliseconds(Math.Max(ms, starts[a] * 1000) + (a * 13)));
                if (grids[a].Poll() is { Send: true } closed)
                {
                    sent[a].Add(closed.Start);
                }
            }
        }

        // Only the one that started on a boundary sends the first cell; after it every agent sends the same cells.
        Assert.Equal([Noon, Noon.AddSeconds(10), Noon.AddSeconds(20), Noon.AddSeconds(30)], sent[0]);
        Assert.All(sent.Skip(1), s => Assert.Equal([Noon.AddSeconds(10), Noon.AddSeconds(20), Noon.AddSeconds(30)], s));
    }

    [Fact]
    public void A_flush_more_than_one_interval_late_is_not_sent_and_the_grid_resumes_with_a_partial_cell()
    {
        var clock = new ManualClock(Noon);
        var grid = new IntervalGrid(Ten, clock);
        clock.Set(Noon.AddSeconds(25));

        var stalled = grid.Poll()!;
        Assert.Equal((Noon, IntervalOutcome.Stalled, false), (stalled.Start, stalled.Outcome, stalled.Send));
        Assert.Equal((Noon.AddSeconds(20), true), (grid.CurrentStart, grid.CurrentIsPartial));

        clock.Set(Noon.AddSeconds(30.01));
        Assert.Equal(IntervalOutcome.Partial, grid.Poll()!.Outcome);
        clock.Set(Noon.AddSeconds(40.01));
        var resumed = grid.Poll()!;
        Assert.Equal((Noon.AddSeconds(30), IntervalOutcome.Sent), (resumed.Start, resumed.Outcome));
    }

    [Fact]
    public void A_wall_clock_stepping_back_restarts_the_grid_without_sending()
    {
        var clock = new ManualClock(Noon.AddSeconds(40));
        var grid = new IntervalGrid(Ten, clock);
        clock.Set(Noon.AddSeconds(12));

        Assert.Equal(IntervalOutcome.ClockStepped, grid.Poll()!.Outcome);
        Assert.Equal((Noon.AddSeconds(10), true), (grid.CurrentStart, grid.CurrentIsPartial));
    }

    [Theory]
    [InlineData(15, "2026-03-02T12:00:45Z")]
    [InlineData(60, "2026-03-02T12:00:00Z")]
    [InlineData(7, "2026-03-02T12:00:43Z")]
    public void Any_interval_length_is_counted_from_the_unix_epoch(int seconds, string expected)
    {
        var grid = new IntervalGrid(TimeSpan.FromSeconds(seconds), new ManualClock(Noon.AddSeconds(47)));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), grid.CurrentStart);
        Assert.Equal(0, (grid.CurrentStart - DateTimeOffset.UnixEpoch).Ticks % TimeSpan.FromSeconds(seconds).Ticks);
    }
}
