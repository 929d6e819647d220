namespace RootCause.Evaluation.RiskLoc;

/// <summary>
/// The canonical text of a root cause, for exact order-insensitive matching: "a=v&amp;b=w" with attributes
/// in ordinal order. Values compare as strings, exactly.
/// </summary>
public static class CauseKey
{
    public static string Of(IReadOnlyDictionary<string, string> cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return string.Join('&', cause.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
    }
}
