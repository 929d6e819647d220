using Microsoft.Extensions.Options;
using RootCause.Contracts;
using RootCause.Server.Telemetry;

namespace RootCause.Server.Tests.Metrics;

public sealed class GoldenMetricLimitTests
{
    [Fact]
    public void Past_the_series_limit_new_series_are_refused_and_counted_while_held_series_keep_counting()
    {
        var counters = new GoldenMetricCounters(maxSeries: 2);
        for (var i = 0; i < 3; i++)
        {
            counters.Add(GoldenBatches.Batch(
                GoldenBatches.Start.AddSeconds(15 * i),
                [
                    new GoldenSample("gateway", "GET /", "gateway-1", "load", GoldenBatches.Stats(0, 0.01, (3, 1))),
                    new GoldenSample("gateway", $"GET /random/{i}", "gateway-1", "load", GoldenBatches.Stats(0, 0.01, (3, 1))),
                ],
                [new CallSample("gateway", "gateway-1", $"10.0.0.{i}:80", "GET /", GoldenBatches.Stats(0, 0.01, (3, 1)))]));
        }

        var snapshot = counters.Snapshot();

        Assert.Equal(2, snapshot.Series);
        Assert.Equal(["GET /", "GET /random/0"], snapshot.Server.Select(s => s.Key.Route));
        Assert.Empty(snapshot.Client);
        Assert.Equal(3, snapshot.Server[0].Count);
        Assert.Equal(1, snapshot.Server[1].Count);

        // Batch 0 refused its call; batches 1 and 2 refused their new route and their call.
        Assert.Equal(5, snapshot.RefusedSamples);
    }

    [Fact]
    public void Past_the_label_budget_a_series_with_long_names_is_refused()
    {
        var counters = new GoldenMetricCounters(maxLabelCharacters: 100);
        var longRoute = "GET /" + new string('x', 200);
        counters.Add(GoldenBatches.Batch(
            GoldenBatches.Start,
            [
                new GoldenSample("gateway", "GET /", "gateway-1", "load", GoldenBatches.Stats(0, 0.01, (3, 1))),
                new GoldenSample("gateway", longRoute, "gateway-1", "load", GoldenBatches.Stats(0, 0.01, (3, 1))),
            ]));

        var snapshot = counters.Snapshot();

        Assert.Equal("GET /", Assert.Single(snapshot.Server).Key.Route);
        Assert.Equal(1, snapshot.RefusedSamples);
    }

    [Fact]
    public async Task Counts_saturate_instead_of_wrapping_negative_on_hostile_totals()
    {
        var counters = new GoldenMetricCounters();
        var huge = GoldenBatches.Stats(long.MaxValue, 1, (0, long.MaxValue));
        counters.Add(GoldenBatches.Batch(GoldenBatches.Start, [new GoldenSample("gateway", "GET /", "gateway-1", "load", huge)]));
        counters.Add(GoldenBatches.Batch(GoldenBatches.Start.AddSeconds(15), [new GoldenSample("gateway", "GET /", "gateway-1", "load", huge)]));

        var series = Assert.Single(counters.Snapshot().Server);

        Assert.Equal(long.MaxValue, series.Count);
        Assert.Equal(long.MaxValue, series.Errors);
        Assert.DoesNotContain(" -", await PrometheusExpositionTests.WriteAsync(counters.Snapshot()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_batches_the_store_places_count_not_expired_ones_nor_resends_of_a_counted_interval()
    {
        ITelemetryStore store = new InMemoryTelemetryStore(Options.Create(new TelemetryOptions { Retention = TimeSpan.FromHours(1) }));
        var sample = new GoldenSample("gateway", "GET /", "gateway-1", "load", GoldenBatches.Stats(1, 0.01, (3, 10)));

        await store.IngestAsync(GoldenBatches.Batch(GoldenBatches.Start, [sample]), CancellationToken.None);
        await store.IngestAsync(GoldenBatches.Batch(GoldenBatches.Start.AddHours(2), [sample]), CancellationToken.None);
        await store.IngestAsync(GoldenBatches.Batch(GoldenBatches.Start.AddMinutes(30), [sample]), CancellationToken.None); // older than the retention: refused
        await store.IngestAsync(GoldenBatches.Batch(GoldenBatches.Start.AddHours(2).AddSeconds(1), [sample]), CancellationToken.None); // the same interval resent

        var series = Assert.Single(store.GoldenMetrics!.Snapshot().Server);
        Assert.Equal(20, series.Count);
        Assert.Equal(2, series.Errors);
    }
}
