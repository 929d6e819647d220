using RootCause.Contracts;

namespace RootCause.Topology;

/// <summary>
/// The in-process store: keeps ingested <see cref="MetricBatch"/>es for a retention period and hands out
/// immutable snapshots. Thread-safe. Declared topology (from bundles or datasets) is kept beside it.
/// Batches sit on one interval grid: each is placed in the cell nearest its start (multiples of its
/// nominal length), and an agent has at most one batch per cell, so a retried or late batch can never
/// count an interval twice.
/// </summary>
public sealed class TelemetryStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<DateTimeOffset, Dictionary<string, MetricBatch>> _byInterval = [];
    private readonly TimeSpan _retention;
    private TopologyGraph _declared = TopologyGraph.Empty;
    private long _duplicatesReplaced;

    public TelemetryStore(TimeSpan retention)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        _retention = retention;
    }

    public int BatchCount
    {
        get
        {
            lock (_gate)
            {
                return _byInterval.Values.Sum(cell => cell.Count);
            }
        }
    }

    /// <summary>Batches that replaced an earlier batch of the same agent and interval.</summary>
    public long DuplicatesReplaced
    {
        get
        {
            lock (_gate)
            {
                return _duplicatesReplaced;
            }
        }
    }

    /// <summary>
    /// Places a batch on the grid (its start moved to the nearest multiple of its length); drops intervals
    /// older than the retention measured from the newest interval.
    /// </summary>
    public BatchPlacement Ingest(MetricBatch batch)
    {
        var cell = GridCell(batch.IntervalStart, batch.IntervalSeconds);
        var placed = batch.IntervalStart == cell ? batch : batch with { IntervalStart = cell };
        lock (_gate)
        {
            if (_byInterval.Count > 0 && cell < _byInterval.Keys.Last() - _retention)
            {
                return BatchPlacement.Expired;
            }

            if (!_byInterval.TryGetValue(cell, out var byAgent))
            {
                _byInterval[cell] = byAgent = new Dictionary<string, MetricBatch>(StringComparer.Ordinal);
            }

            var duplicate = byAgent.ContainsKey(batch.AgentId);
            byAgent[batch.AgentId] = placed;
            var newest = _byInterval.Keys.Last();
            while (_byInterval.Count > 0 && _byInterval.Keys.First() < newest - _retention)
            {
                _byInterval.Remove(_byInterval.Keys.First());
            }

            if (duplicate)
            {
                _duplicatesReplaced++;
                return BatchPlacement.ReplacedDuplicate;
            }

            return BatchPlacement.Placed;
        }
    }

    /// <summary>
    /// The grid cell of an interval: its start rounded to the nearest multiple of its length, so a start a
    /// little early or late (clock offset, a late flush) lands in the cell it belongs to.
    /// </summary>
    public static DateTimeOffset GridCell(DateTimeOffset start, double intervalSeconds)
    {
        var step = TimeSpan.FromSeconds(intervalSeconds).Ticks;
        if (step <= 0)
        {
            return start;
        }

        var ticks = start.UtcTicks;
        var cell = (ticks + (step / 2)) / step * step;
        return new DateTimeOffset(cell, TimeSpan.Zero);
    }

    /// <summary>Merges declared topology (e.g. a dataset's call graph) with what batches show.</summary>
    public void Declare(TopologyGraph graph)
    {
        lock (_gate)
        {
            _declared = new TopologyBuilder().Add(_declared).Add(graph).Build();
        }
    }

    /// <summary>The batches in <paramref name="window"/> and the topology of everything retained.</summary>
    public TelemetrySnapshot Snapshot(TimeWindow window)
    {
        lock (_gate)
        {
            var builder = new TopologyBuilder().Add(_declared);
            var inWindow = new List<MetricBatch>();
            foreach (var (start, batches) in _byInterval)
            {
                foreach (var b in batches.Values)
                {
                    builder.Add(b);
                    if (window.Contains(start))
                    {
                        inWindow.Add(b);
                    }
                }
            }

            return new TelemetrySnapshot(builder.Build(), inWindow);
        }
    }

    /// <summary>The current topology of everything retained.</summary>
    public TopologyGraph Topology()
    {
        lock (_gate)
        {
            var builder = new TopologyBuilder().Add(_declared);
            foreach (var b in _byInterval.Values.SelectMany(cell => cell.Values))
            {
                builder.Add(b);
            }

            return builder.Build();
        }
    }

    /// <summary>Start of the newest retained interval, if any.</summary>
    public DateTimeOffset? Newest
    {
        get
        {
            lock (_gate)
            {
                return _byInterval.Count == 0 ? null : _byInterval.Keys.Last();
            }
        }
    }
}
