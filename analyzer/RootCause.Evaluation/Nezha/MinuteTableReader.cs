using System.Globalization;

namespace RootCause.Evaluation.Nezha;

/// <summary>
/// The layout every Nezha metric file shares: a header row; then per row a Go time string, a unix timestamp,
/// optionally a name column (PodName, ServiceName), then numbers, "NaN" or empty where the value is unknown. Rows are in
/// time order, one per minute. Every rule broken is a <see cref="DatasetFormatException"/> naming file:line and
/// the column.
/// </summary>
/// <remarks>
/// The TimeStamp column is checked to be whole seconds but not used: in 2022-08-22's pod files it is 200,000,000 s
/// ahead of Time (1861140279 for 03:51:19), while front_service.csv and source_50.csv agree with Time. The Time
/// strings are what the fault list's inject_time matches.
/// </remarks>
internal static class MinuteTableReader
{
    /// <param name="path">The file, for messages.</param>
    /// <param name="rows">Its CSV records.</param>
    /// <param name="leading">The names of the leading non-numeric columns, e.g. Time, TimeStamp, PodName.</param>
    /// <param name="nameColumnValue">Checks a row's name column (the third leading column), returning a problem or null.</param>
    /// <param name="checkNumericHeader">Checks the numeric column names, returning a problem or null.</param>
    public static MinuteTable Parse(
        string path,
        IReadOnlyList<(int Line, string[] Cells)> rows,
        IReadOnlyList<string> leading,
        Func<string, string?>? nameColumnValue,
        Func<IReadOnlyList<string>, string?> checkNumericHeader)
    {
        if (rows.Count == 0)
        {
            throw new DatasetFormatException(path, 0, "empty file");
        }

        var (headerLine, header) = rows[0];
        for (var c = 0; c < leading.Count; c++)
        {
            if (c >= header.Length || !string.Equals(header[c], leading[c], StringComparison.Ordinal))
            {
                throw new DatasetFormatException(path, headerLine, $"column {c + 1}: expected '{leading[c]}', found '{CsvRecords.Shorten(c < header.Length ? header[c] : "")}'");
            }
        }

        var columns = header[leading.Count..];
        var duplicate = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DatasetFormatException(path, headerLine, $"column '{CsvRecords.Shorten(duplicate.Key)}' appears twice");
        }

        if (checkNumericHeader(columns) is { } headerProblem)
        {
            throw new DatasetFormatException(path, headerLine, headerProblem);
        }

        var minutes = new List<DateTimeOffset>(rows.Count - 1);
        var lines = new List<int>(rows.Count - 1);
        var values = new double[rows.Count - 1][];
        for (var r = 1; r < rows.Count; r++)
        {
            var (line, cells) = rows[r];
            if (cells.Length != header.Length)
            {
                throw new DatasetFormatException(path, line, $"{cells.Length} cells, expected {header.Length}");
            }

            if (!NezhaTime.TryParseGoTime(cells[0], out var sampled))
            {
                throw new DatasetFormatException(path, line, $"column 1 ({leading[0]}): '{CsvRecords.Shorten(cells[0])}' is not a time such as \"2022-08-22 03:51:19.6 +0000 UTC\"");
            }

            if (!long.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new DatasetFormatException(path, line, $"column 2 ({leading[1]}): '{CsvRecords.Shorten(cells[1])}' is not unix seconds");
            }

            if (leading.Count > 2 && nameColumnValue?.Invoke(cells[2]) is { } nameProblem)
            {
                throw new DatasetFormatException(path, line, $"column 3 ({leading[2]}): {nameProblem}");
            }

            var minute = NezhaTime.IntervalStart(sampled);
            if (minutes.Count > 0 && minute <= minutes[^1])
            {
                throw new DatasetFormatException(path, line, minute == minutes[^1]
                    ? $"a second row for the minute {minute:yyyy-MM-dd HH:mm} (the first is on line {lines[^1]})"
                    : $"time {sampled:yyyy-MM-dd HH:mm:ss} is before the previous row's; rows must be in time order");
            }

            var row = new double[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                row[c] = Cell(path, line, leading.Count + c, columns[c], cells[leading.Count + c]);
            }

            minutes.Add(minute);
            lines.Add(line);
            values[r - 1] = row;
        }

        return new MinuteTable(path, columns, minutes, lines, values);
    }

    /// <summary>
    /// A number >= 0 (everything the files measure is a non-negative quantity), or an unknown value: "NaN" in the
    /// pod files, an empty cell in source_50.csv (an edge without traffic that minute).
    /// </summary>
    private static double Cell(string path, int line, int index, string column, string cell)
    {
        if (cell.Length == 0 || cell.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            throw new DatasetFormatException(path, line, $"column {index + 1} ({column}): '{CsvRecords.Shorten(cell)}' is not a number");
        }

        return v >= 0 ? v : throw new DatasetFormatException(path, line, $"column {index + 1} ({column}): {cell} is negative");
    }
}
