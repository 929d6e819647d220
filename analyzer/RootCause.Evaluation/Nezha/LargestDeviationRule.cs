namespace RootCause.Evaluation.Nezha;

/// <summary>
/// The trivial rule the datasets README measures us against: rank services by the largest absolute deviation of
/// any of their series in the fault's window, in baseline standard deviations. Robust: the level is the median of
/// the history and the spread MAD × <see cref="MadToSigma"/>, floored so that a flat history does not turn any
/// change into an infinite deviation.
/// </summary>
internal static class LargestDeviationRule
{
    /// <summary>MAD × 1.4826 estimates the standard deviation of normally distributed data.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>The spread is at least this share of the history's level: a flat series must move by 1% of itself to count one deviation.</summary>
    public const double RelativeSpreadFloor = 0.01;

    /// <summary>The spread of a series flat at 0 (in its own unit): guards the division, ranks any move of it above every finite deviation of a living series.</summary>
    public const double AbsoluteSpreadFloor = 1e-6;

    /// <summary>Fewer finite history points give no level or spread worth the name; such a series is skipped.</summary>
    public const int MinHistoryPoints = 3;

    /// <summary>Services by their largest deviation, largest first (ties by name); services none of whose series can be measured are left out.</summary>
    /// <param name="series">Per series: its service, a label for diagnosis, the history and the window values (NaN = unknown).</param>
    public static IReadOnlyList<ServiceDeviation> Rank(IEnumerable<(string Service, string Label, IReadOnlyList<double> History, IReadOnlyList<double> Window)> series)
    {
        var best = new Dictionary<string, ServiceDeviation>(StringComparer.Ordinal);
        foreach (var (service, label, history, window) in series)
        {
            var deviation = Deviation(history, window);
            if (double.IsFinite(deviation) && (!best.TryGetValue(service, out var current) || deviation > current.Deviation))
            {
                best[service] = new ServiceDeviation(service, deviation, label);
            }
        }

        return [.. best.Values.OrderByDescending(d => d.Deviation).ThenBy(d => d.Service, StringComparer.Ordinal)];
    }

    /// <summary>max |x − median(history)| / spread over the window's finite values; NaN when history or window is too thin.</summary>
    public static double Deviation(IReadOnlyList<double> history, IReadOnlyList<double> window)
    {
        var past = history.Where(double.IsFinite).ToList();
        if (past.Count < MinHistoryPoints)
        {
            return double.NaN;
        }

        var level = Median(past);
        var mad = Median(past.Select(v => Math.Abs(v - level)).ToList());
        var spread = Math.Max(MadToSigma * mad, Math.Max(RelativeSpreadFloor * Math.Abs(level), AbsoluteSpreadFloor));
        var largest = double.NaN;
        foreach (var v in window)
        {
            if (double.IsFinite(v) && (double.IsNaN(largest) || Math.Abs(v - level) > largest))
            {
                largest = Math.Abs(v - level);
            }
        }

        return largest / spread;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
