using RootCause.Contracts;

namespace RootCause.Evaluation.PetShop;

/// <summary>
/// Builds a <see cref="LatencyBuckets"/> histogram for N requests from the dataset's percentile statistics.
/// The requests are spread as if latency followed the piecewise-linear quantile function through the known
/// percentiles: the lower half sits at p50 (nothing below it is known) and the top 1% at p99 (nothing above
/// it is known). The histogram's p99 therefore lands in the bucket of the dataset's p99; the mean is carried
/// exactly by LatencySumSeconds, not by the histogram.
/// </summary>
internal static class LatencyHistogram
{
    /// <param name="requests">N, the number of requests in the interval.</param>
    /// <param name="average">Mean latency in seconds, used alone when no percentile is known.</param>
    /// <param name="percentiles">(quantile, seconds) pairs, e.g. (0.99, 0.42); NaN values are skipped.</param>
    public static long[] Build(long requests, double average, IEnumerable<(double Quantile, double Seconds)> percentiles)
    {
        var counts = new long[LatencyBuckets.Count];
        if (requests <= 0)
        {
            return counts;
        }

        var anchors = percentiles.Where(p => double.IsFinite(p.Seconds) && p.Seconds >= 0).OrderBy(p => p.Quantile).ToList();
        if (anchors.Count == 0)
        {
            counts[LatencyBuckets.IndexOf(double.IsFinite(average) ? average : 0)] = requests;
            return counts;
        }

        // Percentiles of one interval can come out slightly non-monotone; a quantile function cannot.
        for (var i = 1; i < anchors.Count; i++)
        {
            if (anchors[i].Seconds < anchors[i - 1].Seconds)
            {
                anchors[i] = (anchors[i].Quantile, anchors[i - 1].Seconds);
            }
        }

        anchors.Add((1.0, anchors[^1].Seconds));
        long below = 0;
        var bounds = LatencyBuckets.UpperBounds;
        for (var b = 0; b < bounds.Count - 1; b++)
        {
            // Requests k = 0..N-1 sit at quantile (k + 0.5) / N; those at or below the bound are counted.
            var f = Cdf(anchors, bounds[b]);
            var atOrBelow = Math.Clamp((long)Math.Floor((f * requests) - 0.5 + 1e-9) + 1, 0, requests);
            counts[b] = atOrBelow - below;
            below = atOrBelow;
        }

        counts[^1] = requests - below;
        return counts;
    }

    /// <summary>Fraction of requests at or below <paramref name="seconds"/> under the piecewise-linear model.</summary>
    private static double Cdf(List<(double Quantile, double Seconds)> anchors, double seconds)
    {
        if (seconds < anchors[0].Seconds)
        {
            return 0;
        }

        for (var i = 0; i < anchors.Count - 1; i++)
        {
            var (q0, v0) = anchors[i];
            var (q1, v1) = anchors[i + 1];
            if (seconds < v1)
            {
                return v1 > v0 ? q0 + ((q1 - q0) * (seconds - v0) / (v1 - v0)) : q0;
            }
        }

        return 1;
    }
}
