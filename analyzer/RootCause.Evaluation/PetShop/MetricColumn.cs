namespace RootCause.Evaluation.PetShop;

/// <summary>One column of metrics.csv: a statistic of a metric of a component, e.g. (PetSite, latency, p99).</summary>
public sealed record MetricColumn(string Node, string Metric, string Statistic)
{
    public const string Latency = "latency";
    public const string Requests = "requests";
    public const string Availability = "availability";

    public const string Average = "Average";
    public const string Sum = "Sum";

    /// <summary>The latency percentiles the dataset publishes, with the fraction of requests at or below each.</summary>
    public static IReadOnlyList<(string Statistic, double Quantile)> LatencyPercentiles { get; } =
    [
        ("p50", 0.50), ("p90", 0.90), ("p95", 0.95), ("p99", 0.99),
    ];

    /// <summary>Whether the pair is one the dataset defines; anything else is a format error.</summary>
    public static bool IsKnown(string metric, string statistic) => metric switch
    {
        Latency => statistic == Average || LatencyPercentiles.Any(p => p.Statistic == statistic),
        Requests => statistic == Sum,
        Availability => statistic == Average,
        _ => false,
    };
}
