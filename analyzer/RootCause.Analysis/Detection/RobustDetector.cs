using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Detection;

/// <summary>
/// Median/MAD detector: compares each interval of the incident window with the robust level and spread of
/// the baseline before it. The onset is the first interval from which the series stays deviated
/// (most of the following intervals beyond the threshold), so a single spike does not count.
/// </summary>
internal static class RobustDetector
{
    public const double MaxSeverity = 50;

    /// <summary>How far beyond the threshold a transient burst must reach to count.</summary>
    private const double BurstMargin = 2;

    /// <summary>Severity discount of a transient burst against a shift of the same height.</summary>
    private const double BurstDiscount = 1.5;

    public static SeriesAnomaly? Detect(SeriesKey key, double[] values, int baselineEnd, int windowEnd, double threshold, double stepSeconds)
    {
        var baseline = Finite(values, 0, baselineEnd);
        if (baseline.Count < 5)
        {
            return null;
        }

        var median = Median(baseline);
        var mad = Median(baseline.Select(v => Math.Abs(v - median)).ToList());
        var sigma = Math.Max(1.4826 * mad, Math.Max(MetricNoiseFloor.Relative * Math.Abs(median), MetricNoiseFloor.Absolute(key.Metric, stepSeconds)));

        return Sustained(key, values, baselineEnd, windowEnd, threshold, median, sigma)
            ?? Burst(key, values, baselineEnd, windowEnd, threshold, median, sigma);
    }

    /// <summary>A shift that holds: from the onset on, most intervals stay beyond the threshold.</summary>
    private static SeriesAnomaly? Sustained(SeriesKey key, double[] values, int baselineEnd, int windowEnd, double threshold, double median, double sigma)
    {
        for (var onset = baselineEnd; onset < windowEnd; onset++)
        {
            if (double.IsNaN(values[onset]))
            {
                continue;
            }

            var z = (values[onset] - median) / sigma;
            if (Math.Abs(z) < threshold)
            {
                continue;
            }

            var direction = z > 0 ? Direction.Up : Direction.Down;
            var rest = Finite(values, onset, windowEnd);
            var held = rest.Count(v => direction == Direction.Up ? (v - median) / sigma >= threshold : (median - v) / sigma >= threshold);
            if (held * 3 < rest.Count * 2)
            {
                continue;
            }

            var observed = Median(rest);
            var severity = Math.Min(MaxSeverity, Math.Abs(observed - median) / sigma);
            if (severity < threshold)
            {
                continue;
            }

            return new SeriesAnomaly(key, direction, severity, onset, median, observed);
        }

        return null;
    }

    /// <summary>
    /// Recurring or single strong spikes (OOM-kill cycles, error bursts, a sawtooth of memory) that do not
    /// hold long enough to shift the median. They must clear a higher bar than a sustained shift, and count
    /// with a discounted severity because they are transient.
    /// </summary>
    private static SeriesAnomaly? Burst(SeriesKey key, double[] values, int baselineEnd, int windowEnd, double threshold, double median, double sigma)
    {
        var peak = -1;
        for (var i = baselineEnd; i < windowEnd; i++)
        {
            if (double.IsFinite(values[i]) && (peak < 0 || Math.Abs(values[i] - median) > Math.Abs(values[peak] - median)))
            {
                peak = i;
            }
        }

        if (peak < 0 || Math.Abs(values[peak] - median) / sigma < threshold + BurstMargin)
        {
            return null;
        }

        var direction = values[peak] > median ? Direction.Up : Direction.Down;
        var onset = peak;
        for (var i = baselineEnd; i < peak; i++)
        {
            if (double.IsFinite(values[i]) && (direction == Direction.Up ? values[i] - median : median - values[i]) / sigma >= threshold)
            {
                onset = i;
                break;
            }
        }

        var severity = Math.Min(MaxSeverity, Math.Max(threshold, Math.Abs(values[peak] - median) / sigma / BurstDiscount));
        return new SeriesAnomaly(key, direction, severity, onset, median, values[peak]);
    }

    internal static List<double> Finite(double[] values, int from, int to)
    {
        var list = new List<double>(Math.Max(0, to - from));
        for (var i = Math.Max(0, from); i < Math.Min(values.Length, to); i++)
        {
            if (double.IsFinite(values[i]))
            {
                list.Add(values[i]);
            }
        }

        return list;
    }

    internal static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
