namespace RootCause.Evaluation.Nezha;

/// <summary>
/// Reads front_service.csv: the entry's success rate (percent) and latency p50-p99 (seconds) per minute, as
/// Time, TimeStamp, ServiceName, then exactly <see cref="Columns"/> (in any order).
/// </summary>
internal static class FrontServiceReader
{
    public const string FileName = "front_service.csv";

    public const string SuccessRate = "SuccessRate(%)";
    public const string LatencyP50 = "LatencyP50(s)";
    public const string LatencyP90 = "LatencyP90(s)";
    public const string LatencyP95 = "LatencyP95(s)";
    public const string LatencyP99 = "LatencyP99(s)";

    public static IReadOnlyList<string> Columns { get; } = [SuccessRate, LatencyP50, LatencyP90, LatencyP95, LatencyP99];

    /// <summary>The percentiles front_service.csv shares with the entry pod's file, paired with the pod's column.</summary>
    public static IReadOnlyList<(string Front, string Pod)> PodServerLatency { get; } =
    [
        (LatencyP90, PodMetricColumns.ServerLatencyP90), (LatencyP95, PodMetricColumns.ServerLatencyP95), (LatencyP99, PodMetricColumns.ServerLatencyP99),
    ];

    private static readonly string[] Leading = ["Time", "TimeStamp", "ServiceName"];

    public static MinuteTable Read(string path) => Parse(path, CsvRecords.Read(path));

    public static MinuteTable Parse(string path, IReadOnlyList<(int Line, string[] Cells)> rows)
    {
        var table = MinuteTableReader.Parse(
            path,
            rows,
            Leading,
            name => string.IsNullOrWhiteSpace(name) ? "empty service name" : null,
            columns => columns.FirstOrDefault(c => !Columns.Contains(c, StringComparer.Ordinal)) is { } unknown
                ? $"unknown column '{CsvRecords.Shorten(unknown)}'"
                : Columns.FirstOrDefault(c => !columns.Contains(c, StringComparer.Ordinal)) is { } missing ? $"column '{missing}' is missing" : null);
        var column = table.Columns.ToList().IndexOf(SuccessRate) + Leading.Length + 1;
        for (var r = 0; r < table.RowCount; r++)
        {
            if (table.Value(r, SuccessRate) > 100)
            {
                throw new DatasetFormatException(path, table.Lines[r], $"column {column} ({SuccessRate}): {table.Value(r, SuccessRate)} is not a percentage in [0, 100]");
            }
        }

        return table;
    }
}
