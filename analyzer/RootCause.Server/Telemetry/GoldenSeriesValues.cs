namespace RootCause.Server.Telemetry;

/// <summary>One series' cumulative values at a scrape.</summary>
/// <param name="CumulativeBuckets">Requests at or under each bound of <see cref="RootCause.Contracts.LatencyBuckets"/>, as Prometheus' <c>le</c> buckets count; the last (+Inf) equals <paramref name="Count"/>.</param>
/// <param name="SumSeconds">Sum of the latencies.</param>
/// <param name="Count">Requests with a latency (the histogram's count).</param>
/// <param name="Errors">Requests that failed: HTTP 5xx, resets, protocol errors.</param>
internal sealed record GoldenSeriesValues(GoldenSeriesKey Key, IReadOnlyList<long> CumulativeBuckets, double SumSeconds, long Count, long Errors);
