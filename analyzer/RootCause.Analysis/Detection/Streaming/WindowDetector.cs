using RootCause.Contracts;

namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// The streaming detector applied to a stored series around an incident: it streams the baseline (learning
/// only) and then the window, exactly as it would have run live, and reports the first detection in the window.
/// </summary>
public static class WindowDetector
{
    public const double MaxSeverity = 50;

    /// <summary>
    /// Streams <paramref name="values"/>[0..<paramref name="windowEnd"/>) and returns the deviation whose onset
    /// is the first index in [<paramref name="baselineEnd"/>, <paramref name="windowEnd"/>) scoring at least
    /// <paramref name="threshold"/>, or null when none does (or the baseline has fewer than 5 finite points).
    /// </summary>
    public static WindowDeviation? Detect(ReadOnlySpan<double> values, int baselineEnd, int windowEnd, double threshold = StreamingDetectorOptions.DefaultThreshold, StreamingDetectorOptions? options = null)
    {
        windowEnd = Math.Min(windowEnd, values.Length);
        baselineEnd = Math.Clamp(baselineEnd, 0, windowEnd);
        var finiteBaseline = 0;
        for (var i = 0; i < baselineEnd; i++)
        {
            finiteBaseline += double.IsFinite(values[i]) ? 1 : 0;
        }

        if (finiteBaseline < 5)
        {
            return null;
        }

        // A short baseline is all the history there is: the detector may score as soon as it ends.
        var o = options ?? StreamingDetectorOptions.Default;
        o = o with { Warmup = Math.Min(o.Warmup, finiteBaseline), Settle = Math.Min(o.Settle, finiteBaseline / 2) };
        var detector = new StreamingDetector(o);
        for (var i = 0; i < baselineEnd; i++)
        {
            detector.Update(values[i]);
        }

        int onset = -1;
        var direction = Direction.Up;
        double baseline = 0, severity = 0, best = 0;
        for (var i = baselineEnd; i < windowEnd; i++)
        {
            var before = detector.Baseline;
            var score = detector.Update(values[i]);
            if (!double.IsFinite(values[i]))
            {
                continue;
            }

            if (onset < 0 && score >= threshold)
            {
                onset = i;
                direction = detector.Deviation >= 0 ? Direction.Up : Direction.Down;
                baseline = before;
            }

            if (onset >= 0)
            {
                best = Math.Max(best, score);
                var signed = direction == Direction.Up ? detector.Deviation : -detector.Deviation;
                severity = Math.Max(severity, Math.Min(MaxSeverity, signed));
            }
        }

        if (onset < 0)
        {
            return null;
        }

        var rest = new List<double>();
        for (var i = onset; i < windowEnd; i++)
        {
            if (double.IsFinite(values[i]))
            {
                rest.Add(values[i]);
            }
        }

        rest.Sort();
        var observed = rest.Count % 2 == 1 ? rest[rest.Count / 2] : (rest[(rest.Count / 2) - 1] + rest[rest.Count / 2]) / 2;
        return new WindowDeviation(onset, direction, severity, best, baseline, observed);
    }
}
