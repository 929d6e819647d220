using RootCause.Contracts;

namespace RootCause.Topology;

/// <summary>
/// Everything the analyzer may look at for one incident: the topology and the batches of a time window,
/// grouped by interval. Immutable.
/// </summary>
public sealed class TelemetrySnapshot
{
    private SeriesTable? _series;

    public TelemetrySnapshot(TopologyGraph graph, IEnumerable<MetricBatch> batches)
    {
        Graph = graph;
        var list = batches.ToList();
        Step = list.Count == 0
            ? TimeSpan.FromMinutes(1)
            : TimeSpan.FromSeconds(list.GroupBy(b => b.IntervalSeconds).OrderByDescending(g => g.Count()).First().Key);
        if (Step <= TimeSpan.Zero)
        {
            Step = TimeSpan.FromMinutes(1);
        }

        Intervals = list.GroupBy(b => Align(b.IntervalStart))
            .OrderBy(g => g.Key)
            .Select(g => new Interval(g.Key, g.ToArray()))
            .ToArray();
        Timeline = Intervals.Select(i => i.Start).ToArray();
    }

    public TopologyGraph Graph { get; }

    /// <summary>The common interval length.</summary>
    public TimeSpan Step { get; }

    public IReadOnlyList<Interval> Intervals { get; }

    public IReadOnlyList<DateTimeOffset> Timeline { get; }

    /// <summary>Every derived series, computed once on first use.</summary>
    public SeriesTable Series => _series ??= SeriesTable.Build(this);

    /// <summary>
    /// The snapshot cut to the intervals that overlap <paramref name="window"/> (itself when nothing lies
    /// outside it); the topology is kept whole.
    /// </summary>
    public TelemetrySnapshot Within(TimeWindow window)
    {
        bool Overlaps(Interval i) => i.Start + Step > window.Start && i.Start < window.End;
        return Intervals.All(Overlaps) ? this : new TelemetrySnapshot(Graph, Intervals.Where(Overlaps).SelectMany(i => i.Batches));
    }

    /// <summary>Index of the interval that contains <paramref name="t"/>, or of the last one before it; -1 if none.</summary>
    public int IndexAt(DateTimeOffset t)
    {
        var aligned = Align(t);
        var index = -1;
        for (var i = 0; i < Timeline.Count && Timeline[i] <= aligned; i++)
        {
            index = i;
        }

        return index;
    }

    private DateTimeOffset Align(DateTimeOffset t)
    {
        var ticks = t.UtcTicks - (t.UtcTicks % Step.Ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>The batches of one interval, from every agent.</summary>
    public sealed record Interval(DateTimeOffset Start, IReadOnlyList<MetricBatch> Batches);
}
