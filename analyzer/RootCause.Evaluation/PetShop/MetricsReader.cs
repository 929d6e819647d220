using System.Globalization;

namespace RootCause.Evaluation.PetShop;

/// <summary>
/// Reads metrics.csv: three header rows (node / metric / statistic), an optional index-name row that pandas
/// writes ("unix_timestamp" followed by empty cells), then one row per interval: unix seconds, then a cell per
/// column, empty when missing. Every rule broken is a <see cref="DatasetFormatException"/> naming file:line.
/// </summary>
internal static class MetricsReader
{
    /// <summary>CloudWatch period of the dataset; rows must be whole multiples of it apart.</summary>
    public const long StepSeconds = 300;

    public static MetricTable Read(string path) => Parse(path, CsvRecords.Read(path));

    public static MetricTable Parse(string path, IReadOnlyList<(int Line, string[] Cells)> rows)
    {
        if (rows.Count < 3)
        {
            throw new DatasetFormatException(path, rows.Count == 0 ? 0 : rows[^1].Line, "expected a 3-row header (node / metric / statistic)");
        }

        var width = rows[0].Cells.Length;
        if (width < 2)
        {
            throw new DatasetFormatException(path, rows[0].Line, "header names no columns");
        }

        for (var h = 1; h < 3; h++)
        {
            if (rows[h].Cells.Length != width)
            {
                throw new DatasetFormatException(path, rows[h].Line, $"{rows[h].Cells.Length} cells, expected {width} like the first header row");
            }
        }

        var columns = new MetricColumn[width - 1];
        var seen = new HashSet<MetricColumn>();
        for (var c = 1; c < width; c++)
        {
            var node = rows[0].Cells[c];
            var metric = rows[1].Cells[c];
            var statistic = rows[2].Cells[c];
            if (string.IsNullOrWhiteSpace(node))
            {
                throw new DatasetFormatException(path, rows[0].Line, $"column {c + 1}: empty node name");
            }

            if (!MetricColumn.IsKnown(metric, statistic))
            {
                throw new DatasetFormatException(path, rows[1].Line, $"column {c + 1} ({node}): unknown metric/statistic '{CsvRecords.Shorten(metric)}/{CsvRecords.Shorten(statistic)}'");
            }

            columns[c - 1] = new MetricColumn(node, metric, statistic);
            if (!seen.Add(columns[c - 1]))
            {
                throw new DatasetFormatException(path, rows[0].Line, $"column {c + 1}: {node} {metric} {statistic} appears twice");
            }
        }

        var first = 3;
        if (rows.Count > 3 && IsIndexNameRow(rows[3].Cells))
        {
            first = 4;
        }

        var timestamps = new List<long>();
        var values = new List<double[]>();
        for (var r = first; r < rows.Count; r++)
        {
            var (line, cells) = rows[r];
            if (cells.Length != width)
            {
                throw new DatasetFormatException(path, line, $"{cells.Length} cells, expected {width}");
            }

            var t = Timestamp(path, line, cells[0]);
            if (timestamps.Count > 0)
            {
                var step = t - timestamps[^1];
                if (step <= 0)
                {
                    throw new DatasetFormatException(path, line, $"timestamp {t} does not follow {timestamps[^1]}; rows must be in time order");
                }

                if (step % StepSeconds != 0)
                {
                    throw new DatasetFormatException(path, line, $"timestamp {t} is {step} s after the previous row, not a multiple of {StepSeconds} s");
                }
            }

            var row = new double[width - 1];
            for (var c = 1; c < width; c++)
            {
                row[c - 1] = Cell(path, line, c, columns[c - 1], cells[c]);
            }

            timestamps.Add(t);
            values.Add(row);
        }

        return new MetricTable(path, columns, timestamps, values.ToArray());
    }

    private static bool IsIndexNameRow(string[] cells) =>
        !double.TryParse(cells[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _) && cells.Skip(1).All(string.IsNullOrEmpty);

    private static long Timestamp(string path, int line, string cell)
    {
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || !double.IsFinite(t) || t <= 0 || t != Math.Floor(t) || t > 32503680000)
        {
            throw new DatasetFormatException(path, line, $"column 1: '{CsvRecords.Shorten(cell)}' is not a unix timestamp in whole seconds");
        }

        return (long)t;
    }

    private static double Cell(string path, int line, int c, MetricColumn column, string cell)
    {
        if (cell.Length == 0)
        {
            return double.NaN;
        }

        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            throw new DatasetFormatException(path, line, $"column {c + 1} ({column.Node} {column.Metric} {column.Statistic}): '{CsvRecords.Shorten(cell)}' is not a number");
        }

        var problem = column.Metric switch
        {
            MetricColumn.Requests when v < 0 || Math.Abs(v - Math.Round(v)) > 1e-6 => "a request count must be a whole number >= 0",
            MetricColumn.Latency when v < 0 => "a latency must be >= 0",
            MetricColumn.Availability when v is < 0 or > 100 => "an availability must be a percentage in [0, 100]",
            _ => null,
        };
        return problem is null
            ? v
            : throw new DatasetFormatException(path, line, $"column {c + 1} ({column.Node} {column.Metric} {column.Statistic}): {cell}: {problem}");
    }
}
