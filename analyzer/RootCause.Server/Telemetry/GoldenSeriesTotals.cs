using RootCause.Contracts;

namespace RootCause.Server.Telemetry;

/// <summary>The running totals of one series. Not thread-safe: <see cref="GoldenMetricCounters"/> guards it.</summary>
internal sealed class GoldenSeriesTotals
{
    private readonly long[] _buckets = new long[LatencyBuckets.Count];
    private double _sumSeconds;
    private long _errors;

    public void Add(RequestStats stats)
    {
        for (var i = 0; i < _buckets.Length && i < stats.LatencyCounts.Count; i++)
        {
            _buckets[i] = SaturatingAdd(_buckets[i], stats.LatencyCounts[i]);
        }

        _sumSeconds += stats.LatencySumSeconds;
        _errors = SaturatingAdd(_errors, stats.Errors);
    }

    public GoldenSeriesValues Values(GoldenSeriesKey key)
    {
        // The wire histogram counts per bucket; Prometheus' le buckets count everything at or under the bound.
        var cumulative = new long[_buckets.Length];
        long running = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            running = SaturatingAdd(running, _buckets[i]);
            cumulative[i] = running;
        }

        return new GoldenSeriesValues(key, cumulative, _sumSeconds, running, _errors);
    }

    // Counts are validated non-negative but not bounded: a hostile agent must not wrap a counter negative.
    private static long SaturatingAdd(long a, long b)
    {
        var sum = unchecked(a + b);
        return sum < a ? long.MaxValue : sum;
    }
}
