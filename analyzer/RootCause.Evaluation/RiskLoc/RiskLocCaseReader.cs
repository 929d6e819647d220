using System.Globalization;
using RootCause.Analysis.DrillDown;

namespace RootCause.Evaluation.RiskLoc;

/// <summary>
/// Reads one RS case file (min, attributes, value, cnt in any column order) and applies the RS protocol:
/// value := cnt - value; a leaf's real KPI is value/cnt at the anomalous minute; its forecast is the mean of
/// value and of cnt over the rows of the previous <see cref="HistoryMinutes"/> minutes (0 when it has none).
/// </summary>
internal static class RiskLocCaseReader
{
    public const int HistoryMinutes = 4;

    public static RiskLocCase Read(string path, RiskLocAnomaly anomaly) => Parse(path, StrictText.Read(path), anomaly);

    public static RiskLocCase Parse(string path, string text, RiskLocAnomaly anomaly)
    {
        var rows = CsvRecords.Parse(path, text);
        if (rows.Count == 0)
        {
            throw new DatasetFormatException(path, 0, "empty file");
        }

        var (headerLine, header) = rows[0];
        var columns = Header(path, headerLine, header);
        var attributes = columns.Attributes.Select(a => header[a]).ToList();

        var history = new HashSet<long>();
        for (var m = 1; m <= HistoryMinutes; m++)
        {
            history.Add(anomaly.Timestamp - (60L * m));
        }

        var leaves = new Dictionary<string, LeafSums>(StringComparer.Ordinal);
        var order = new List<LeafSums>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 1; r < rows.Count; r++)
        {
            var (line, cells) = rows[r];
            if (cells.Length != header.Length)
            {
                throw new DatasetFormatException(path, line, $"{cells.Length} fields, the header has {header.Length}");
            }

            var minute = Minute(path, line, cells[columns.Min]);
            var value = Count(path, line, "value", cells[columns.Value]);
            var cnt = Count(path, line, "cnt", cells[columns.Cnt]);
            if (value > cnt)
            {
                throw new DatasetFormatException(path, line, $"value {cells[columns.Value]} exceeds cnt {cells[columns.Cnt]}");
            }

            var values = columns.Attributes.Select(a => cells[a]).ToArray();
            var leafKey = string.Join('\u001f', values);
            if (!seen.Add(string.Create(CultureInfo.InvariantCulture, $"{minute}\u001f{leafKey}")))
            {
                throw new DatasetFormatException(path, line, $"a second row for minute {minute} and {string.Join(",", values)}");
            }

            var isReal = minute == anomaly.Timestamp;
            if (!isReal && !history.Contains(minute))
            {
                continue;
            }

            if (!leaves.TryGetValue(leafKey, out var sums))
            {
                sums = new LeafSums(values);
                leaves[leafKey] = sums;
                order.Add(sums);
            }

            // The protocol's measure: value := cnt - value.
            var numerator = cnt - value;
            if (isReal)
            {
                sums.Real = true;
                sums.RealNumerator = numerator;
                sums.RealDenominator = cnt;
            }
            else
            {
                sums.HistoryRows++;
                sums.HistoryNumerator += numerator;
                sums.HistoryDenominator += cnt;
            }
        }

        var cube = order.Where(s => s.Real).Select(s => s.ToLeaf(attributes)).ToList();
        if (cube.Count == 0)
        {
            throw new DatasetFormatException(path, 0, $"no rows at the anomalous minute {anomaly.Timestamp}");
        }

        foreach (var cause in anomaly.Causes)
        {
            foreach (var attribute in cause.Keys.Where(k => !attributes.Contains(k, StringComparer.Ordinal)))
            {
                throw new DatasetFormatException(path, headerLine, $"the label of line {anomaly.Line} of anomaly.yaml names attribute '{attribute}', which this file lacks");
            }
        }

        return new RiskLocCase(anomaly.Data, attributes, cube, anomaly.Causes);
    }

    private static (int Min, int Value, int Cnt, List<int> Attributes) Header(string path, int line, string[] header)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var attributes = new List<int>();
        int min = -1, value = -1, cnt = -1;
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (name.Length == 0 || name.Trim() != name)
            {
                throw new DatasetFormatException(path, line, $"column {i + 1} has an empty or padded name '{name}'");
            }

            if (!names.Add(name))
            {
                throw new DatasetFormatException(path, line, $"column '{name}' appears twice");
            }

            switch (name)
            {
                case "min": min = i; break;
                case "value": value = i; break;
                case "cnt": cnt = i; break;
                default: attributes.Add(i); break;
            }
        }

        var missing = new[] { ("min", min), ("value", value), ("cnt", cnt) }.Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new DatasetFormatException(path, line, $"header lacks {string.Join(", ", missing)}");
        }

        if (attributes.Count == 0)
        {
            throw new DatasetFormatException(path, line, "header has no attribute columns");
        }

        return (min, value, cnt, attributes);
    }

    private static long Minute(string path, int line, string cell) =>
        long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var minute)
            ? minute
            : throw new DatasetFormatException(path, line, $"min '{cell}' is not a whole number of seconds");

    private static double Count(string path, int line, string column, string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0
            ? v
            : throw new DatasetFormatException(path, line, $"{column} '{cell}' is not a non-negative number");

    private sealed class LeafSums(string[] values)
    {
        public bool Real { get; set; }

        public double RealNumerator { get; set; }

        public double RealDenominator { get; set; }

        public int HistoryRows { get; set; }

        public double HistoryNumerator { get; set; }

        public double HistoryDenominator { get; set; }

        public CubeLeaf ToLeaf(List<string> attributes)
        {
            var dims = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var a = 0; a < attributes.Count; a++)
            {
                dims[attributes[a]] = values[a];
            }

            var rows = Math.Max(HistoryRows, 1);
            return new CubeLeaf(dims, RealNumerator, HistoryNumerator / rows, RealDenominator, HistoryDenominator / rows);
        }
    }
}
