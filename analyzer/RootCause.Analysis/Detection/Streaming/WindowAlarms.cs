namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// The streaming detector applied to a stored series around an incident: it streams the baseline (learning
/// only: the baseline is the detector's warm-up) and then the window, exactly as it would have run live, and
/// returns where in the window it alarmed. Running it over the stored window therefore gives the same answers
/// as having streamed it.
/// </summary>
public static class WindowAlarms
{
    /// <summary>Fewer finite baseline points than this are no history to judge by.</summary>
    public const int MinimumBaseline = 5;

    /// <summary>
    /// Streams <paramref name="values"/>[0..<paramref name="windowEnd"/>) and returns, in ascending order, the
    /// indexes in [<paramref name="baselineEnd"/>, <paramref name="windowEnd"/>) scoring at least
    /// <paramref name="threshold"/> or falling in the rest after an alarm (an event already reported and still
    /// going on); none when the baseline has fewer than <see cref="MinimumBaseline"/> finite points.
    /// </summary>
    public static IReadOnlyList<int> Find(ReadOnlySpan<double> values, int baselineEnd, int windowEnd, double threshold, StreamingDetectorOptions options)
    {
        windowEnd = Math.Min(windowEnd, values.Length);
        baselineEnd = Math.Clamp(baselineEnd, 0, windowEnd);
        var finiteBaseline = 0;
        for (var i = 0; i < baselineEnd; i++)
        {
            finiteBaseline += double.IsFinite(values[i]) ? 1 : 0;
        }

        if (finiteBaseline < MinimumBaseline)
        {
            return [];
        }

        // A short baseline is all the history there is: the detector may score as soon as it ends.
        var detector = new StreamingDetector(options with { Warmup = Math.Min(options.Warmup, finiteBaseline), OutputWarmup = Math.Min(options.OutputWarmup, finiteBaseline), Settle = Math.Min(options.Settle, finiteBaseline / 2) });
        for (var i = 0; i < baselineEnd; i++)
        {
            detector.Update(values[i]);
        }

        var alarms = new List<int>();
        for (var i = baselineEnd; i < windowEnd; i++)
        {
            if (detector.Update(values[i]) >= threshold || detector.Resting)
            {
                alarms.Add(i);
            }
        }

        return alarms;
    }
}
