using RootCause.Contracts;

namespace RootCause.Lab.Tests.AlertChain;

/// <summary>
/// What an agent on the gateway's node would send: one batch per 5 s interval of the wall-clock grid, 100 requests
/// (20/s) of the gateway's one route from the load generator, healthy (8 ms each), slow (400 ms) or partly failing.
/// </summary>
internal static class GatewayTraffic
{
    public const double IntervalSeconds = 5;
    public const long Requests = 100;
    public const double HealthySeconds = 0.008;
    public const double SlowSeconds = 0.4;

    public static MetricBatch Batch(DateTimeOffset start, double latencySeconds, long errors)
    {
        var counts = new long[LatencyBuckets.Count];
        counts[LatencyBuckets.IndexOf(latencySeconds)] = Requests;
        var stats = new RequestStats(Requests, errors, 0, Requests * latencySeconds, counts);
        return new MetricBatch(
            "agent-node-1",
            "node-1",
            start,
            IntervalSeconds,
            [new InstanceInfo("gateway-1", "gateway", "node-1", "10.231.0.10:8080")],
            [new GoldenSample("gateway", "GET /products", "gateway-1", "load", stats)],
            [],
            [],
            []);
    }

    /// <summary>The start of the grid interval that holds <paramref name="now"/>.</summary>
    public static DateTimeOffset IntervalOf(DateTimeOffset now)
    {
        var step = TimeSpan.FromSeconds(IntervalSeconds).Ticks;
        return new DateTimeOffset(now.UtcTicks / step * step, TimeSpan.Zero);
    }
}
