using RootCause.Lab.Service.Load;

namespace RootCause.Lab.Tests.Service;

[Collection(RunsAlone.Name)]
public sealed class LoadGeneratorTests
{
    [Fact]
    public async Task A_short_run_keeps_the_rate_and_the_shop_mix_over_a_few_keep_alive_connections()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var summaries = new StringWriter();
        using var load = new LoadGenerator(gateway.Address, 200, TimeProvider.System, summaries, new Random(7));

        var ran = await RunAsync(load, TimeSpan.FromSeconds(3));

        var total = await AnsweredAsync(load);
        Assert.True(total.Sent >= Expected(200, ran).Low && total.Sent <= Expected(200, ran).High, $"{total} in {ran}");
        Assert.Equal(total.Sent, total.Ok);
        Assert.Equal(0, total.Errors);
        Assert.Equal(0, total.Dropped);
        Assert.Equal(total.Sent, gateway.Total);
        Assert.InRange(Share(gateway, LoadOperation.BrowseList) + Share(gateway, LoadOperation.BrowseDetail), 0.55, 0.65);
        Assert.InRange(Share(gateway, LoadOperation.BrowseList), 0.25, 0.35);
        Assert.InRange(Share(gateway, LoadOperation.AddToCart), 0.20, 0.30);
        Assert.InRange(Share(gateway, LoadOperation.ViewCart), 0.02, 0.08);
        Assert.InRange(Share(gateway, LoadOperation.Checkout), 0.06, 0.14);

        // Checkouts go to users who added something since their last checkout, as real shoppers' do.
        Assert.InRange(gateway.CheckoutsOfUsersWithItems, gateway.Count(LoadOperation.Checkout) * 0.9, gateway.Count(LoadOperation.Checkout));

        // Keep-alive: a connection carries many requests (without it, one each). A busy test machine can stall
        // answers and so open more connections, hence a ratio rather than a fixed count.
        Assert.InRange(gateway.Connections, 1, total.Sent / 5);
        Assert.Matches(@"^load: last \d+ s sent=\d+ ok=\d+ errors=0 dropped=0 mean_latency_ms=\d+\.\d$", summaries.ToString().Trim());
    }

    [Fact]
    public async Task Requests_beyond_the_in_flight_bound_are_dropped_and_counted_never_queued()
    {
        await using var gateway = await FakeGateway.StartAsync(delay: TimeSpan.FromMilliseconds(600));
        using var load = new LoadGenerator(gateway.Address, 100, TimeProvider.System, TextWriter.Null, new Random(7), maximumInFlight: 5);

        var ran = await RunAsync(load, TimeSpan.FromSeconds(1));

        var total = await AnsweredAsync(load);
        Assert.InRange(gateway.MostInFlight, 1, 5);
        Assert.InRange(total.Sent + total.Dropped, Expected(100, ran).Low, Expected(100, ran).High);
        Assert.InRange(total.Sent, 5, 15);
        Assert.Equal(total.Sent, total.Ok);
        Assert.InRange(total.MeanLatency, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Error_answers_and_a_gateway_that_is_down_are_counted_as_errors_at_the_same_rate()
    {
        await using var failing = await FakeGateway.StartAsync(status: 503);
        using var load = new LoadGenerator(failing.Address, 50, TimeProvider.System, TextWriter.Null, new Random(7));
        var ran = await RunAsync(load, TimeSpan.FromSeconds(1));
        var answered = await AnsweredAsync(load);
        Assert.InRange(answered.Errors, Expected(50, ran).Low, Expected(50, ran).High);
        Assert.Equal(0, answered.Ok);

        using var unreachable = new LoadGenerator(new Uri($"http://127.0.0.1:{LabServers.FreePort()}/"), 50, TimeProvider.System, TextWriter.Null, new Random(7));
        ran = await RunAsync(unreachable, TimeSpan.FromSeconds(1));
        var refused = await AnsweredAsync(unreachable);
        Assert.InRange(refused.Errors, Expected(50, ran).Low, Expected(50, ran).High);
        Assert.Equal(refused.Sent, refused.Errors);
    }

    [Fact]
    public void The_mix_maps_draws_to_operations_by_their_shares()
    {
        Assert.Equal(1.0, LoadMix.Shares.Sum(s => s.Share), precision: 12);
        Assert.Equal(LoadOperation.BrowseList, LoadMix.Choose(0));
        Assert.Equal(LoadOperation.BrowseList, LoadMix.Choose(0.2999));
        Assert.Equal(LoadOperation.BrowseDetail, LoadMix.Choose(0.3));
        Assert.Equal(LoadOperation.AddToCart, LoadMix.Choose(0.6));
        Assert.Equal(LoadOperation.ViewCart, LoadMix.Choose(0.85));
        Assert.Equal(LoadOperation.Checkout, LoadMix.Choose(0.9));
        Assert.Equal(LoadOperation.Checkout, LoadMix.Choose(0.99999));
    }

    private static double Share(FakeGateway gateway, LoadOperation operation) => (double)gateway.Count(operation) / gateway.Total;

    /// <summary>
    /// Runs the generator for about <paramref name="duration"/> and returns how long it really ran. Started off xunit's
    /// synchronisation context, which would otherwise run every continuation of the generator through its few threads.
    /// </summary>
    private static async Task<TimeSpan> RunAsync(LoadGenerator load, TimeSpan duration)
    {
        var running = System.Diagnostics.Stopwatch.StartNew();
        await Task.Run(() => load.StartAsync(default));
        await Task.Delay(duration);
        var ran = running.Elapsed;
        await Task.Run(() => load.StopAsync(default));
        return ran;
    }

    /// <summary>The totals once every request sent has its answer (the generator's own drain is bounded; a busy machine may need longer).</summary>
    private static async Task<LoadSummary> AnsweredAsync(LoadGenerator load)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (load.Counters.Total() is var total && total.Ok + total.Errors < total.Sent && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        return load.Counters.Total();
    }

    /// <summary>Requests a steady generator at <paramref name="rate"/> sends in <paramref name="ran"/>: one at start, then one per 1/rate.</summary>
    private static (double Low, double High) Expected(double rate, TimeSpan ran) =>
        ((rate * ran.TotalSeconds * 0.95) - 2, (rate * ran.TotalSeconds * 1.02) + 3);
}
