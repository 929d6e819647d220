using RootCause.Contracts;

namespace RootCause.Topology.Tests;

/// <summary>The store's interval grid: many agents, late and phase-shifted, retried sends — exact rates.</summary>
public sealed class IntervalGridTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const double Step = 15;
    private const int Agents = 20;
    private const int Intervals = 40;

    /// <summary>Each instance serves 100 requests per second, so 1,500 per 15 s interval.</summary>
    private const long RequestsPerInterval = 1_500;

    private static MetricBatch Batch(int agent, DateTimeOffset start)
    {
        var instance = $"orders@node-{agent}";
        var counts = new long[LatencyBuckets.Count];
        counts[LatencyBuckets.IndexOf(0.01)] = RequestsPerInterval;
        var stats = new RequestStats(RequestsPerInterval, 0, 0, 0.01 * RequestsPerInterval, counts);
        return new MetricBatch($"agent-{agent}", $"node-{agent}", start, Step,
            [new InstanceInfo(instance, "orders", $"node-{agent}")],
            [new GoldenSample("orders", "GET /orders", instance, "external", stats)], [], [], []);
    }

    [Fact]
    public void Late_and_phase_shifted_batches_from_many_agents_give_exact_rates()
    {
        var random = new Random(7);
        var store = new TelemetryStore(TimeSpan.FromHours(1));
        var placements = new List<BatchPlacement>();
        for (var i = 0; i < Intervals; i++)
        {
            for (var agent = 0; agent < Agents; agent++)
            {
                // Clock offsets of up to ±3 s and flushes up to 50 ms late: the start is off the grid.
                var offset = TimeSpan.FromMilliseconds((agent * 300 % 6000) - 3000 + random.Next(0, 50));
                var batch = Batch(agent, T0.AddSeconds(i * Step) + offset);
                placements.Add(store.Ingest(batch));
                if ((i + agent) % 7 == 0)
                {
                    // A retried send of the same interval, a little later still.
                    placements.Add(store.Ingest(batch with { IntervalStart = batch.IntervalStart.AddMilliseconds(40) }));
                }
            }
        }

        var snapshot = store.Snapshot(new TimeWindow(T0.AddMinutes(-1), T0.AddHours(1)));

        var retries = Enumerable.Range(0, Intervals).Sum(i => Enumerable.Range(0, Agents).Count(a => (i + a) % 7 == 0));
        Assert.Equal(retries, placements.Count(p => p == BatchPlacement.ReplacedDuplicate));
        Assert.Equal(retries, store.DuplicatesReplaced);
        Assert.Equal(Agents * Intervals, store.BatchCount);
        Assert.Equal(TimeSpan.FromSeconds(Step), snapshot.Step);
        Assert.Equal(Enumerable.Range(0, Intervals).Select(i => T0.AddSeconds(i * Step)), snapshot.Timeline);
        var service = snapshot.Series.Get(new EntityRef(EntityKind.Service, "orders"), MetricCatalog.Requests)!;
        Assert.All(service, rate => Assert.Equal(Agents * 100.0, rate, 9));
        for (var agent = 0; agent < Agents; agent++)
        {
            var instance = snapshot.Series.Get(new EntityRef(EntityKind.Instance, $"orders@node-{agent}"), MetricCatalog.Requests)!;
            Assert.All(instance, rate => Assert.Equal(100.0, rate, 9));
        }
    }

    [Theory]
    [InlineData("2026-01-01T00:00:14.9Z", "2026-01-01T00:00:15Z")]
    [InlineData("2026-01-01T00:00:22.4Z", "2026-01-01T00:00:15Z")]
    [InlineData("2026-01-01T00:00:22.5Z", "2026-01-01T00:00:30Z")]
    [InlineData("2026-01-01T00:00:30Z", "2026-01-01T00:00:30Z")]
    public void A_batch_lands_in_the_grid_cell_nearest_its_start(string start, string cell) =>
        Assert.Equal(DateTimeOffset.Parse(cell, System.Globalization.CultureInfo.InvariantCulture),
            TelemetryStore.GridCell(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), Step));

    [Fact]
    public void A_batch_older_than_the_retention_is_not_kept()
    {
        var store = new TelemetryStore(TimeSpan.FromMinutes(10));
        store.Ingest(Batch(0, T0.AddHours(1)));

        Assert.Equal(BatchPlacement.Expired, store.Ingest(Batch(1, T0)));
        Assert.Equal(1, store.BatchCount);
    }
}
