using System.Globalization;

namespace RootCause.Server.Inputs;

/// <summary>The rules every symptom field obeys whatever its source: bounded lengths, no control characters, sane times.</summary>
internal static class SymptomFields
{
    public const int MaxNameLength = 256;
    public const int MaxOperationLength = 512;

    /// <summary>Earlier times would underflow the analysis window and cannot be real telemetry.</summary>
    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string? CheckName(string what, string value, int maxLength, string path)
    {
        if (value.Length > maxLength)
        {
            return $"{what} at {path} is {value.Length} characters long; at most {maxLength} are allowed.";
        }

        return value.Any(char.IsControl) ? $"{what} at {path} contains control characters." : null;
    }

    /// <summary>Parses an RFC 3339 time; null with <paramref name="error"/> set when it is not one.</summary>
    public static DateTimeOffset? ParseTime(string text, string path, out string? error)
    {
        error = null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            || !text.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{Shorten(text)}' at {path} is not an RFC 3339 time such as 2025-01-31T14:05:00Z.";
            return null;
        }

        if (t < Earliest || t > Latest)
        {
            error = $"{t:O} at {path} is outside the supported range (1970 to 9000).";
            return null;
        }

        return t;
    }

    public static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
