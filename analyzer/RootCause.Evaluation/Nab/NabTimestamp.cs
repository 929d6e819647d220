using System.Globalization;

namespace RootCause.Evaluation.Nab;

/// <summary>The timestamp formats NAB uses: data rows have seconds, label windows add microseconds.</summary>
internal static class NabTimestamp
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.ffffff"];

    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value) =>
        DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
