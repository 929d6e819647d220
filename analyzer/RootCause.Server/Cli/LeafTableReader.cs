using System.Globalization;
using RootCause.Analysis.DrillDown;
using RootCause.Evaluation;

namespace RootCause.Server.Cli;

/// <summary>
/// Reads a user's leaf table for `rootcause drilldown`: a UTF-8 CSV with a header, one row per leaf, the named
/// dimension columns and numeric real/forecast (and optionally denominator) columns. Strict: every problem is
/// a <see cref="FormatException"/> naming file:line.
/// </summary>
internal static class LeafTableReader
{
    public static List<CubeLeaf> Parse(string source, string text, IReadOnlyList<string> dimensions, string real, string forecast, string? realDenominator, string? forecastDenominator)
    {
        if ((realDenominator is null) != (forecastDenominator is null))
        {
            throw new FormatException("give both --real-denominator and --forecast-denominator, or neither");
        }

        var leaves = new List<CubeLeaf>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string[]? header = null;
        int[] dimIndex = [];
        int realIndex = -1, forecastIndex = -1, realDenIndex = -1, forecastDenIndex = -1;
        try
        {
            foreach (var (line, cells) in CsvRecords.Parse(source, text))
            {
                if (header is null)
                {
                    header = cells;
                    var names = header.ToList();
                    int Column(string name) => names.IndexOf(name) is var i and >= 0
                        ? i
                        : throw new FormatException($"{source}:{line}: header has no column \"{name}\" (columns: {string.Join(", ", names)})");
                    dimIndex = dimensions.Select(Column).ToArray();
                    realIndex = Column(real);
                    forecastIndex = Column(forecast);
                    realDenIndex = realDenominator is null ? -1 : Column(realDenominator);
                    forecastDenIndex = forecastDenominator is null ? -1 : Column(forecastDenominator);
                    continue;
                }

                if (cells.Length != header.Length)
                {
                    throw new FormatException($"{source}:{line}: {cells.Length} fields, the header has {header.Length}");
                }

                var dims = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var d = 0; d < dimensions.Count; d++)
                {
                    dims[dimensions[d]] = cells[dimIndex[d]];
                }

                if (!seen.Add(string.Join('\u001f', dimensions.Select(d => dims[d]))))
                {
                    throw new FormatException($"{source}:{line}: a second row for the leaf {string.Join(", ", dimensions.Select(d => $"{d}={dims[d]}"))}");
                }

                leaves.Add(new CubeLeaf(
                    dims,
                    Number(source, line, header[realIndex], cells[realIndex], allowNegative: true),
                    Number(source, line, header[forecastIndex], cells[forecastIndex], allowNegative: true),
                    realDenIndex < 0 ? 1 : Number(source, line, header[realDenIndex], cells[realDenIndex], allowNegative: false),
                    forecastDenIndex < 0 ? 1 : Number(source, line, header[forecastDenIndex], cells[forecastDenIndex], allowNegative: false)));
            }
        }
        catch (DatasetFormatException e)
        {
            throw new FormatException(e.Message, e);
        }

        if (header is null)
        {
            throw new FormatException($"{source}:1: empty file, expected a header row");
        }

        if (leaves.Count == 0)
        {
            throw new FormatException($"{source}:2: no leaves after the header");
        }

        return leaves;
    }

    private static double Number(string source, int line, string column, string cell, bool allowNegative) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && (allowNegative || v >= 0)
            ? v
            : throw new FormatException($"{source}:{line}: {column} \"{cell}\" is not a{(allowNegative ? "" : " non-negative")} number");
}
