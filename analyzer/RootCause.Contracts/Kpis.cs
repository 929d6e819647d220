namespace RootCause.Contracts;

/// <summary>The KPIs an alert can name.</summary>
public static class Kpis
{
    public const string Latency = "latency";
    public const string ErrorRate = "error_rate";
    public const string Throughput = "throughput";

    public static IReadOnlyList<string> All { get; } = [Latency, ErrorRate, Throughput];

    /// <summary>The KPI in words, for sentences: "latency", "error rate", "throughput".</summary>
    public static string Words(string kpi) => kpi switch
    {
        ErrorRate => "error rate",
        Throughput => "throughput",
        Latency => "latency",
        _ => kpi,
    };

    /// <summary>Maps the many names alerts use to one of <see cref="All"/>; null when none fits.</summary>
    public static string? Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var n = name.Trim().ToLowerInvariant();
        if (n.Contains("latency", StringComparison.Ordinal) || n.Contains("duration", StringComparison.Ordinal) || n.Contains("p99", StringComparison.Ordinal) || n.Contains("slow", StringComparison.Ordinal))
        {
            return Latency;
        }

        if (n.Contains("error", StringComparison.Ordinal) || n.Contains("availability", StringComparison.Ordinal) || n.Contains("5xx", StringComparison.Ordinal) || n.Contains("fail", StringComparison.Ordinal))
        {
            return ErrorRate;
        }

        if (n.Contains("throughput", StringComparison.Ordinal) || n.Contains("rate", StringComparison.Ordinal) || n.Contains("requests", StringComparison.Ordinal) || n.Contains("traffic", StringComparison.Ordinal))
        {
            return Throughput;
        }

        return null;
    }
}
