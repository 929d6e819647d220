namespace RootCause.Evaluation.Nezha;

/// <summary>
/// The numeric columns of one Nezha CSV file, one row per minute: <see cref="Minutes"/> are the intervals the
/// rows describe (see <see cref="NezhaTime.IntervalStart"/>), strictly increasing. Unknown cells ("NaN" or empty
/// in the files) are NaN.
/// </summary>
public sealed class MinuteTable
{
    private readonly Dictionary<string, int> _index;
    private readonly double[][] _values;
    private readonly Dictionary<DateTimeOffset, int> _rowOf;

    internal MinuteTable(string path, IReadOnlyList<string> columns, IReadOnlyList<DateTimeOffset> minutes, IReadOnlyList<int> lines, double[][] values)
    {
        Path = path;
        Columns = columns;
        Minutes = minutes;
        Lines = lines;
        _values = values;
        _index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        _rowOf = minutes.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
    }

    public string Path { get; }

    /// <summary>The numeric columns, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Interval starts (UTC, whole minutes), strictly increasing.</summary>
    public IReadOnlyList<DateTimeOffset> Minutes { get; }

    /// <summary>The file line of each row.</summary>
    public IReadOnlyList<int> Lines { get; }

    public int RowCount => Minutes.Count;

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The cell, or NaN when it is unknown.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such column (a reader let a header through that it should not have).</exception>
    public double Value(int row, string column) => _values[row][_index[column]];

    /// <summary>The row describing <paramref name="minute"/>, or -1.</summary>
    public int RowAt(DateTimeOffset minute) => _rowOf.GetValueOrDefault(minute, -1);
}
