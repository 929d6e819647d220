using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RootCause.Topology;

namespace RootCause.Evaluation.Nezha;

/// <summary>
/// Reads a day's call graph: OB's dependency.csv (Source, Target, Weight) or TT's call_edges.csv (caller, callee).
/// A target that is an IPv4 address is not a service but the host of the source (see <see cref="NezhaCallGraph.Hosts"/>);
/// a service with two such rows (OB's loadgenerator) gets no host.
/// </summary>
internal static class CallGraphReader
{
    public static NezhaCallGraph Read(string path, NezhaSystem system) => Parse(path, CsvRecords.Read(path), system);

    public static NezhaCallGraph Parse(string path, IReadOnlyList<(int Line, string[] Cells)> rows, NezhaSystem system)
    {
        var header = system.GraphHeader;
        if (rows.Count == 0)
        {
            throw new DatasetFormatException(path, 0, "empty file");
        }

        if (!rows[0].Cells.SequenceEqual(header, StringComparer.Ordinal))
        {
            throw new DatasetFormatException(path, rows[0].Line, $"header must be {string.Join(',', header)}");
        }

        var services = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var calls = new List<CallEdge>();
        var seen = new HashSet<(string, string)>();
        var hosts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (line, cells) in rows.Skip(1))
        {
            if (cells.Length != header.Count)
            {
                throw new DatasetFormatException(path, line, $"{cells.Length} cells, expected {header.Count}");
            }

            for (var c = 0; c < 2; c++)
            {
                if (string.IsNullOrWhiteSpace(cells[c]) || cells[c].Any(char.IsWhiteSpace))
                {
                    throw new DatasetFormatException(path, line, $"column {c + 1} ({header[c]}): '{CsvRecords.Shorten(cells[c])}' is not a service name");
                }
            }

            if (header.Count == 3 && (!double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !double.IsFinite(weight) || weight < 0))
            {
                throw new DatasetFormatException(path, line, $"column 3 (Weight): '{CsvRecords.Shorten(cells[2])}' is not a non-negative number");
            }

            var (caller, callee) = (cells[0], cells[1]);
            if (IsIPv4(caller))
            {
                throw new DatasetFormatException(path, line, $"column 1 ({header[0]}): the caller '{caller}' is an address, not a service");
            }

            if (IsIPv4(callee))
            {
                (hosts.TryGetValue(caller, out var list) ? list : hosts[caller] = []).Add(callee);
                continue;
            }

            foreach (var service in (string[])[caller, callee])
            {
                if (known.Add(service))
                {
                    services.Add(service);
                }
            }

            // A service calling itself (spans of one service in two pods) is no edge between services.
            if (caller != callee && seen.Add((caller, callee)))
            {
                calls.Add(new CallEdge(caller, callee));
            }
        }

        var placed = hosts.Where(h => h.Value.Distinct(StringComparer.Ordinal).Count() == 1).ToDictionary(h => h.Key, h => h.Value[0], StringComparer.Ordinal);
        return new NezhaCallGraph(services, calls, placed);
    }

    private static bool IsIPv4(string text) =>
        text.Count(c => c == '.') == 3 && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork;
}
