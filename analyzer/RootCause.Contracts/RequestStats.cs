namespace RootCause.Contracts;

/// <summary>
/// Request counts and latency over one interval. Latency is a histogram over <see cref="LatencyBuckets"/>
/// (upper bounds in seconds, the last one +Inf), so percentiles can be computed after aggregation.
/// </summary>
/// <param name="Requests">Requests completed in the interval.</param>
/// <param name="Errors">Server errors and failed requests (HTTP 5xx, resets, protocol errors).</param>
/// <param name="ClientErrors">Client errors (HTTP 4xx); not counted as errors.</param>
/// <param name="LatencySumSeconds">Sum of request latencies.</param>
/// <param name="LatencyCounts">Count per bucket of <see cref="LatencyBuckets.UpperBounds"/>; same length.</param>
public sealed record RequestStats(
    long Requests,
    long Errors,
    long ClientErrors,
    double LatencySumSeconds,
    IReadOnlyList<long> LatencyCounts);
