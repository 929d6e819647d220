using RootCause.Contracts;

namespace RootCause.Server.Tests.Metrics;

/// <summary>Small batches with hand-countable golden samples.</summary>
internal static class GoldenBatches
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A histogram with <paramref name="counts"/> as (bucket index, count) pairs.</summary>
    public static RequestStats Stats(long errors, double sumSeconds, params (int Bucket, long Count)[] counts)
    {
        var buckets = new long[LatencyBuckets.Count];
        foreach (var (bucket, count) in counts)
        {
            buckets[bucket] += count;
        }

        return new RequestStats(buckets.Sum(), errors, 0, sumSeconds, buckets);
    }

    public static MetricBatch Batch(DateTimeOffset start, IReadOnlyList<GoldenSample> golden, IReadOnlyList<CallSample>? calls = null, string agent = "agent-1") =>
        new(agent, "node-1", start, 15, [], golden, calls ?? [], [], []);
}
