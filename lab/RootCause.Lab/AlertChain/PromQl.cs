using System.Globalization;
using System.Text;

namespace RootCause.Lab.AlertChain;

/// <summary>Spelling values into PromQL and Prometheus' YAML: string literals, durations, numbers.</summary>
internal static class PromQl
{
    /// <summary>A double-quoted PromQL string (Go's escapes).</summary>
    public static string String(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => quoted.Append(@"\\"),
                '"' => quoted.Append("\\\""),
                '\n' => quoted.Append(@"\n"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>A Prometheus duration ("30s", "5m" written as "300s", "1500ms"); it must be positive.</summary>
    public static string Duration(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromMilliseconds(1));
        var milliseconds = (long)value.TotalMilliseconds;
        return milliseconds % 1000 == 0
            ? (milliseconds / 1000).ToString(CultureInfo.InvariantCulture) + "s"
            : milliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
    }

    /// <summary>A number as PromQL and YAML read it.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a threshold must be a finite number");
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A single-quoted YAML scalar.</summary>
    public static string YamlString(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
