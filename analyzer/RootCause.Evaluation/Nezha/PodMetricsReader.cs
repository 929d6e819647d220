namespace RootCause.Evaluation.Nezha;

/// <summary>
/// Reads &lt;pod&gt;_metric.csv: Time, TimeStamp, PodName, then exactly the columns of <see cref="PodMetricColumns.All"/>
/// (in any order). PodName must be the pod the file is named after.
/// </summary>
internal static class PodMetricsReader
{
    public const string FileSuffix = "_metric.csv";

    private static readonly string[] Leading = ["Time", "TimeStamp", "PodName"];

    /// <summary>The pod a file name stands for, or null when it is no pod metric file.</summary>
    public static string? PodOf(string fileName) =>
        fileName.EndsWith(FileSuffix, StringComparison.Ordinal) && fileName.Length > FileSuffix.Length ? fileName[..^FileSuffix.Length] : null;

    public static PodMetrics Read(string path) => Parse(path, CsvRecords.Read(path));

    public static PodMetrics Parse(string path, IReadOnlyList<(int Line, string[] Cells)> rows)
    {
        var pod = PodOf(System.IO.Path.GetFileName(path)) ?? throw new DatasetFormatException(path, 0, $"a pod metric file is named <pod>{FileSuffix}");
        var service = PodNames.ServiceOf(pod) ?? throw new DatasetFormatException(path, 0, $"'{CsvRecords.Shorten(pod)}' is not a pod name (<service>-<hash>-<hash>)");
        var table = MinuteTableReader.Parse(
            path,
            rows,
            Leading,
            name => string.Equals(name, pod, StringComparison.Ordinal) ? null : $"'{CsvRecords.Shorten(name)}' is not the file's pod {pod}",
            Header);
        return new PodMetrics(pod, service, table);
    }

    private static string? Header(IReadOnlyList<string> columns)
    {
        var unknown = columns.FirstOrDefault(c => !PodMetricColumns.All.Contains(c, StringComparer.Ordinal));
        if (unknown is not null)
        {
            return $"unknown column '{CsvRecords.Shorten(unknown)}'";
        }

        var missing = PodMetricColumns.All.FirstOrDefault(c => !columns.Contains(c, StringComparer.Ordinal));
        return missing is null ? null : $"column '{missing}' is missing";
    }
}
