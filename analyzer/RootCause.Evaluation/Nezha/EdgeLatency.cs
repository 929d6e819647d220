using RootCause.Topology;

namespace RootCause.Evaluation.Nezha;

/// <summary>
/// OB's source_50.csv: per minute and call edge, the median latency in seconds as the caller sees it.
/// <see cref="Edges"/>[i] is the edge of <see cref="Table"/>'s column i; an edge without traffic in a minute is NaN.
/// </summary>
public sealed record EdgeLatency(IReadOnlyList<CallEdge> Edges, MinuteTable Table)
{
    /// <summary>The median latency of <paramref name="edge"/> in <paramref name="row"/>, or NaN.</summary>
    public double Median(int row, int edge) => Table.Value(row, Table.Columns[edge]);
}
