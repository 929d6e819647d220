using RootCause.Contracts;

namespace RootCause.Topology;

/// <summary>Mutable sum of <see cref="RequestStats"/>; turns into rates, ratios and percentiles.</summary>
public sealed class RequestAggregate
{
    private readonly long[] _counts = new long[LatencyBuckets.Count];

    public long Requests { get; private set; }

    public long Errors { get; private set; }

    public long ClientErrors { get; private set; }

    public double LatencySumSeconds { get; private set; }

    public void Add(RequestStats stats)
    {
        Requests += stats.Requests;
        Errors += stats.Errors;
        ClientErrors += stats.ClientErrors;
        LatencySumSeconds += stats.LatencySumSeconds;
        var n = Math.Min(stats.LatencyCounts.Count, _counts.Length);
        for (var i = 0; i < n; i++)
        {
            _counts[i] += stats.LatencyCounts[i];
        }
    }

    public double ErrorRatio => Requests > 0 ? (double)Errors / Requests : double.NaN;

    public double LatencyMean => Requests > 0 ? LatencySumSeconds / Requests : double.NaN;

    /// <summary>Quantile from the histogram, interpolating linearly inside the bucket.</summary>
    public double Quantile(double q)
    {
        long total = 0;
        foreach (var c in _counts)
        {
            total += c;
        }

        if (total == 0)
        {
            return double.NaN;
        }

        var rank = q * total;
        long seen = 0;
        var bounds = LatencyBuckets.UpperBounds;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] == 0)
            {
                continue;
            }

            if (seen + _counts[i] >= rank)
            {
                var lower = i == 0 ? 0 : bounds[i - 1];
                if (double.IsPositiveInfinity(bounds[i]))
                {
                    return lower;
                }

                return lower + ((bounds[i] - lower) * Math.Clamp((rank - seen) / _counts[i], 0, 1));
            }

            seen += _counts[i];
        }

        return bounds[^2];
    }
}
