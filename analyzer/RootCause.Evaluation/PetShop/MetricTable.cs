namespace RootCause.Evaluation.PetShop;

/// <summary>
/// A parsed metrics.csv: one row per 5-minute interval (unix seconds, the interval's start) and one column
/// per (node, metric, statistic). Missing cells are NaN.
/// </summary>
public sealed class MetricTable
{
    private readonly Dictionary<MetricColumn, int> _index;
    private readonly double[][] _values;

    internal MetricTable(string path, IReadOnlyList<MetricColumn> columns, IReadOnlyList<long> timestamps, double[][] values)
    {
        Path = path;
        Columns = columns;
        Timestamps = timestamps;
        _values = values;
        _index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        Nodes = columns.Select(c => c.Node).Distinct(StringComparer.Ordinal).ToArray();
    }

    public string Path { get; }

    public IReadOnlyList<MetricColumn> Columns { get; }

    /// <summary>Interval starts in unix seconds, strictly increasing.</summary>
    public IReadOnlyList<long> Timestamps { get; }

    /// <summary>Components that have at least one column, in file order.</summary>
    public IReadOnlyList<string> Nodes { get; }

    public int RowCount => Timestamps.Count;

    public bool Has(string node, string metric, string statistic) => _index.ContainsKey(new MetricColumn(node, metric, statistic));

    /// <summary>The cell, or NaN when it is empty or the column does not exist.</summary>
    public double Value(int row, string node, string metric, string statistic) =>
        _index.TryGetValue(new MetricColumn(node, metric, statistic), out var c) ? _values[row][c] : double.NaN;

    /// <summary>A copy restricted to rows [start, start + count).</summary>
    public MetricTable Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, RowCount);
        return new MetricTable(Path, Columns, Timestamps.Skip(start).Take(count).ToArray(), _values[start..(start + count)]);
    }
}
