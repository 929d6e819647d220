using RootCause.Topology;

namespace RootCause.Evaluation.Nezha;

/// <summary>
/// Reads source_50.csv: time, timestamp, then one column per call edge named "&lt;caller&gt;_&lt;callee&gt;". Service
/// names may hold '_' in general, so a column is split where both halves are services of the day; a column no
/// split or two splits fit is an error naming it.
/// </summary>
internal static class EdgeLatencyReader
{
    public const string FileName = "source_50.csv";

    private static readonly string[] Leading = ["time", "timestamp"];

    public static EdgeLatency Read(string path, IReadOnlySet<string> services) => Parse(path, CsvRecords.Read(path), services);

    public static EdgeLatency Parse(string path, IReadOnlyList<(int Line, string[] Cells)> rows, IReadOnlySet<string> services)
    {
        var edges = new List<CallEdge>();
        var table = MinuteTableReader.Parse(path, rows, Leading, null, columns =>
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var splits = Splits(columns[c], services).ToArray();
                if (splits.Length != 1)
                {
                    return $"column {c + Leading.Length + 1} ('{CsvRecords.Shorten(columns[c])}'): {(splits.Length == 0 ? "not" : "ambiguously")} <caller>_<callee> of two services of the day";
                }

                edges.Add(splits[0]);
            }

            return null;
        });
        return new EdgeLatency(edges, table);
    }

    private static IEnumerable<CallEdge> Splits(string column, IReadOnlySet<string> services)
    {
        for (var i = column.IndexOf('_', StringComparison.Ordinal); i >= 0; i = column.IndexOf('_', i + 1))
        {
            if (services.Contains(column[..i]) && services.Contains(column[(i + 1)..]))
            {
                yield return new CallEdge(column[..i], column[(i + 1)..]);
            }
        }
    }
}
