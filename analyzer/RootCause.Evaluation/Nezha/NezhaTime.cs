using System.Globalization;

namespace RootCause.Evaluation.Nezha;

/// <summary>
/// The two time notations of the Nezha files and the minute a metric row measures. Metric rows carry Go's
/// <c>time.Time.String()</c> form ("2022-08-22 03:51:19.607158889 +0000 UTC m=+0.113112869"); the fault list
/// writes "2022-08-22 03:53:54" in UTC.
/// </summary>
internal static class NezhaTime
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>
    /// The one-minute interval a row sampled at <paramref name="sampledAt"/> describes: the minute that holds
    /// <c>sampledAt − 60 s</c>. The rows are per-minute rates sampled 9-21 s past the minute, so a row describes
    /// the 60 s before it; a fault shows first in the row after its injection (recommendationservice's CPU,
    /// injected 07:01:25, rises in the 07:02:20 row), which this puts in the injection's own minute.
    /// </summary>
    public static DateTimeOffset IntervalStart(DateTimeOffset sampledAt) => FloorToMinute(sampledAt - Step);

    public static DateTimeOffset FloorToMinute(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % Step.Ticks), TimeSpan.Zero);

    /// <summary>A fault-list time, "yyyy-MM-dd HH:mm:ss", read as UTC.</summary>
    public static bool TryParseFaultTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>
    /// A metric row's time in Go's notation: date, time with up to nine fraction digits, a numeric offset, a
    /// zone abbreviation, optionally Go's monotonic reading ("m=+0.11"), which says nothing about the wall clock.
    /// </summary>
    public static bool TryParseGoTime(string text, out DateTimeOffset time)
    {
        time = default;
        var parts = text.Split(' ');
        if (parts.Length is not (4 or 5) || (parts.Length == 5 && !parts[4].StartsWith("m=", StringComparison.Ordinal)) || !parts[3].All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        var clock = parts[1];
        var fraction = "";
        var dot = clock.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            fraction = clock[(dot + 1)..];
            clock = clock[..dot];
            if (fraction.Length is 0 or > 9 || !fraction.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        if (!DateTime.TryParseExact($"{parts[0]} {clock}", DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || !TryParseOffset(parts[2], out var offset))
        {
            return false;
        }

        // Ticks are 100 ns: the first seven fraction digits count, the rest is below the clock's resolution.
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], NumberStyles.None, CultureInfo.InvariantCulture);
        time = new DateTimeOffset(local.AddTicks(ticks), offset).ToUniversalTime();
        return true;
    }

    /// <summary>"+0000", "-0800".</summary>
    private static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = default;
        if (text.Length != 5 || text[0] is not ('+' or '-') || !text[1..].All(char.IsAsciiDigit))
        {
            return false;
        }

        var hours = int.Parse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var minutes = int.Parse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        return true;
    }
}
