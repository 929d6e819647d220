using RootCause.Contracts;

namespace RootCause.Topology;

/// <summary>
/// The in-process store: keeps ingested <see cref="MetricBatch"/>es for a retention period and hands out
/// immutable snapshots. Thread-safe. Declared topology (from bundles or datasets) is kept beside it.
/// </summary>
public sealed class TelemetryStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<DateTimeOffset, List<MetricBatch>> _byInterval = [];
    private readonly TimeSpan _retention;
    private TopologyGraph _declared = TopologyGraph.Empty;

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
                return _byInterval.Values.Sum(l => l.Count);
            }
        }
    }

    /// <summary>Adds a batch; drops intervals older than the retention measured from the newest interval.</summary>
    public void Ingest(MetricBatch batch)
    {
        lock (_gate)
        {
            if (!_byInterval.TryGetValue(batch.IntervalStart, out var list))
            {
                _byInterval[batch.IntervalStart] = list = [];
            }

            list.Add(batch);
            var newest = _byInterval.Keys.Last();
            while (_byInterval.Count > 0 && _byInterval.Keys.First() < newest - _retention)
            {
                _byInterval.Remove(_byInterval.Keys.First());
            }
        }
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
                foreach (var b in batches)
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
            foreach (var b in _byInterval.Values.SelectMany(l => l))
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
