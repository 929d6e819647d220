using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Detection;

/// <summary>
/// Sizes and dates a deviation the streaming detector raised: compares the incident window with the robust
/// level (median) and spread (MAD, floored per metric) of the baseline before it. The onset is the first
/// interval from which the series stays deviated (most of the following intervals beyond the threshold), so a
/// single spike does not count unless it is a strong burst; a deviation small against the metric's noise
/// floor is no anomaly whatever the detector says.
/// </summary>
internal static class RobustDetector
{
    public const double MaxSeverity = 50;

    /// <summary>How far beyond the threshold a transient burst must reach to count.</summary>
    private const double BurstMargin = 2;

    /// <summary>Severity discount of a transient burst against a shift of the same height.</summary>
    private const double BurstDiscount = 1.5;

    /// <summary>The baseline's robust level and spread, or null when it has fewer than 5 finite points.</summary>
    public static RobustBaseline? Baseline(string metric, double[] values, int baselineEnd, double stepSeconds)
    {
        var baseline = Finite(values, 0, baselineEnd);
        if (baseline.Count < 5)
        {
            return null;
        }

        var median = Median(baseline);
        var mad = Median(baseline.Select(v => Math.Abs(v - median)).ToList());
        var sigma = Math.Max(1.4826 * mad, Math.Max(MetricNoiseFloor.Relative * Math.Abs(median), MetricNoiseFloor.Absolute(metric, stepSeconds)));
        return new RobustBaseline(median, sigma);
    }

    /// <summary>The deviation in [<paramref name="from"/>, <paramref name="windowEnd"/>): a sustained shift, failing that a strong burst.</summary>
    public static SeriesAnomaly? Detect(SeriesKey key, double[] values, int from, int windowEnd, double threshold, RobustBaseline baseline) =>
        Sustained(key, values, from, windowEnd, threshold, baseline) ?? Burst(key, values, from, windowEnd, threshold, baseline);

    /// <summary>A shift that holds: from the onset on, most intervals stay beyond the threshold on one side.</summary>
    private static SeriesAnomaly? Sustained(SeriesKey key, double[] values, int from, int windowEnd, double threshold, RobustBaseline baseline)
    {
        for (var onset = from; onset < windowEnd; onset++)
        {
            if (!double.IsFinite(values[onset]) || Math.Abs(values[onset] - baseline.Median) < threshold * baseline.Sigma)
            {
                continue;
            }

            var direction = values[onset] > baseline.Median ? Direction.Up : Direction.Down;
            var rest = Finite(values, onset, windowEnd);
            var held = rest.Count(v => baseline.Signed(v, direction) >= threshold);
            if (held * 3 < rest.Count * 2)
            {
                continue;
            }

            var observed = Median(rest);
            var severity = Math.Min(MaxSeverity, baseline.Signed(observed, direction));
            if (severity >= threshold)
            {
                return new SeriesAnomaly(key, direction, severity, onset, baseline.Median, observed);
            }
        }

        return null;
    }

    /// <summary>
    /// Recurring or single strong spikes (OOM-kill cycles, error bursts, a sawtooth of memory) that do not
    /// hold long enough to shift the median. They must clear a higher bar than a sustained shift, and count
    /// with a discounted severity because they are transient.
    /// </summary>
    private static SeriesAnomaly? Burst(SeriesKey key, double[] values, int from, int windowEnd, double threshold, RobustBaseline baseline)
    {
        var peak = -1;
        for (var i = from; i < windowEnd; i++)
        {
            if (double.IsFinite(values[i]) && (peak < 0 || Math.Abs(values[i] - baseline.Median) > Math.Abs(values[peak] - baseline.Median)))
            {
                peak = i;
            }
        }

        if (peak < 0 || Math.Abs(values[peak] - baseline.Median) / baseline.Sigma < threshold + BurstMargin)
        {
            return null;
        }

        var direction = values[peak] > baseline.Median ? Direction.Up : Direction.Down;
        var onset = peak;
        for (var i = from; i < peak; i++)
        {
            if (double.IsFinite(values[i]) && baseline.Signed(values[i], direction) >= threshold)
            {
                onset = i;
                break;
            }
        }

        var severity = Math.Min(MaxSeverity, Math.Max(threshold, baseline.Signed(values[peak], direction) / BurstDiscount));
        return new SeriesAnomaly(key, direction, severity, onset, baseline.Median, values[peak]);
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
