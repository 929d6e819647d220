using System.Globalization;
using RootCause.Topology;

namespace RootCause.Evaluation.PetShop;

/// <summary>
/// Reads graph.csv: a square adjacency matrix whose header row and first column name the same components
/// in the same order. A non-zero cell at (row r, column c) means r calls c; the upstream services (PetSite)
/// sit in rows and their dependencies (DynamoDB, RDS) in columns, so rows are callers.
/// </summary>
internal static class GraphReader
{
    public static PetShopGraph Read(string path) => Parse(path, CsvRecords.Read(path));

    public static PetShopGraph Parse(string path, IReadOnlyList<(int Line, string[] Cells)> rows)
    {
        if (rows.Count == 0)
        {
            throw new DatasetFormatException(path, 0, "empty file");
        }

        var (headerLine, header) = rows[0];
        if (header.Length < 2)
        {
            throw new DatasetFormatException(path, headerLine, "header names no components");
        }

        var components = header[1..];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < components.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(components[i]))
            {
                throw new DatasetFormatException(path, headerLine, $"column {i + 2}: empty component name");
            }

            if (!seen.Add(components[i]))
            {
                throw new DatasetFormatException(path, headerLine, $"column {i + 2}: component '{components[i]}' appears twice");
            }
        }

        if (rows.Count - 1 != components.Length)
        {
            var line = rows.Count > 1 ? rows[^1].Line : headerLine;
            throw new DatasetFormatException(path, line, $"{rows.Count - 1} matrix rows for {components.Length} components; the matrix must be square");
        }

        var calls = new List<CallEdge>();
        for (var r = 1; r < rows.Count; r++)
        {
            var (line, cells) = rows[r];
            if (cells.Length != header.Length)
            {
                throw new DatasetFormatException(path, line, $"{cells.Length} cells, expected {header.Length}");
            }

            var caller = components[r - 1];
            if (!string.Equals(cells[0], caller, StringComparison.Ordinal))
            {
                throw new DatasetFormatException(path, line, $"row names '{CsvRecords.Shorten(cells[0])}' but the header has '{caller}' in this position");
            }

            for (var c = 1; c < cells.Length; c++)
            {
                if (!double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !double.IsFinite(weight) || weight < 0)
                {
                    throw new DatasetFormatException(path, line, $"column {c + 1} ({components[c - 1]}): '{CsvRecords.Shorten(cells[c])}' is not a non-negative number");
                }

                if (weight != 0 && c - 1 != r - 1)
                {
                    calls.Add(new CallEdge(caller, components[c - 1]));
                }
            }
        }

        return new PetShopGraph(components, calls);
    }
}
