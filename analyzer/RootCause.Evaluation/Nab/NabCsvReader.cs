using System.Globalization;

namespace RootCause.Evaluation.Nab;

/// <summary>
/// Strict reader of NAB CSV files (data and published results): a header naming <c>timestamp</c> and the
/// wanted column, then one row per line with the same number of fields, a NAB timestamp and a finite number.
/// NAB files have no quoting, so a quote is an error rather than something to interpret.
/// </summary>
public static class NabCsvReader
{
    public static NabSeries Read(string file, string name, string column)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(file, 0, $"cannot read: {e.Message}");
        }

        if (lines.Length == 0)
        {
            throw new DatasetFormatException(file, 0, "empty file");
        }

        var header = lines[0].Split(',');
        var timeIndex = Array.IndexOf(header, "timestamp");
        var valueIndex = Array.IndexOf(header, column);
        if (timeIndex < 0 || valueIndex < 0)
        {
            throw new DatasetFormatException(file, 1, $"header must name \"timestamp\" and \"{column}\"");
        }

        var count = lines.Length - 1;
        while (count > 0 && lines[count].Length == 0)
        {
            count--; // a trailing newline is not a row
        }

        var timestamps = new DateTime[count];
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var line = lines[i + 1];
            var lineNumber = i + 2;
            if (line.Contains('"', StringComparison.Ordinal))
            {
                throw new DatasetFormatException(file, lineNumber, "quoted fields are not part of the NAB format");
            }

            var fields = line.Split(',');
            if (fields.Length != header.Length)
            {
                throw new DatasetFormatException(file, lineNumber, $"{fields.Length} fields, the header has {header.Length}");
            }

            if (!NabTimestamp.TryParse(fields[timeIndex], out timestamps[i]))
            {
                throw new DatasetFormatException(file, lineNumber, $"\"{fields[timeIndex]}\" is not a timestamp (yyyy-MM-dd HH:mm:ss)");
            }

            if (!double.TryParse(fields[valueIndex], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new DatasetFormatException(file, lineNumber, $"\"{fields[valueIndex]}\" is not a finite number in column {column}");
            }
        }

        if (count == 0)
        {
            throw new DatasetFormatException(file, 1, "no rows");
        }

        return new NabSeries(name, timestamps, values);
    }
}
