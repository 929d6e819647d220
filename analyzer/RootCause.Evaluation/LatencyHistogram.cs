using RootCause.Contracts;

namespace RootCause.Evaluation;

/// <summary>
/// Builds a <see cref="LatencyBuckets"/> histogram for N requests from the dataset's percentile statistics.
/// The requests are spread as if latency followed the piecewise-linear quantile function through the known
/// percentiles: the requests below the lowest known percentile sit at it (nothing below it is known, e.g. the
/// lower half at p50) and the top 1% at p99 (nothing above it is known). The histogram's p99 therefore lands
/// in the bucket of the dataset's p99; where the dataset gives a mean, LatencySumSeconds carries it exactly;
/// where it gives none, <see cref="ModelMean"/> is the mean of the same model.
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

        var anchors = Anchors(percentiles);
        if (anchors.Count == 0)
        {
            counts[LatencyBuckets.IndexOf(double.IsFinite(average) ? average : 0)] = requests;
            return counts;
        }

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

    /// <summary>
    /// The mean latency of the model <see cref="Build"/> spreads requests along: flat at the lowest known
    /// percentile below it, linear between known percentiles, flat at the highest above it. It overstates the true
    /// mean when only upper percentiles are known (everything below p90 counts as p90); NaN when none is known.
    /// </summary>
    public static double ModelMean(IEnumerable<(double Quantile, double Seconds)> percentiles)
    {
        var anchors = Anchors(percentiles);
        if (anchors.Count == 0)
        {
            return double.NaN;
        }

        // The area under the quantile function: a flat piece up to the first anchor, then trapezoids.
        var mean = anchors[0].Quantile * anchors[0].Seconds;
        for (var i = 1; i < anchors.Count; i++)
        {
            mean += (anchors[i].Quantile - anchors[i - 1].Quantile) * (anchors[i].Seconds + anchors[i - 1].Seconds) / 2;
        }

        return mean;
    }

    /// <summary>The known percentiles in quantile order, made monotone, closed at quantile 1; empty when none is known.</summary>
    private static List<(double Quantile, double Seconds)> Anchors(IEnumerable<(double Quantile, double Seconds)> percentiles)
    {
        var anchors = percentiles.Where(p => double.IsFinite(p.Seconds) && p.Seconds >= 0).OrderBy(p => p.Quantile).ToList();
        if (anchors.Count == 0)
        {
            return anchors;
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
        return anchors;
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
