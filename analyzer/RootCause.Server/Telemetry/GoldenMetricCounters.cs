using RootCause.Contracts;

namespace RootCause.Server.Telemetry;

/// <summary>
/// The golden metrics of every accepted batch as cumulative counters since the process started, for
/// GET /metrics. Agents are outside input: the number of series and the characters of their labels are
/// bounded, and samples of a new series past either limit are refused and counted. Thread-safe.
/// </summary>
internal sealed class GoldenMetricCounters
{
    /// <summary>Series (server and client label sets together) kept at most; each is one histogram and one error counter.</summary>
    public const int DefaultMaxSeries = 5_000;

    /// <summary>
    /// Characters of label values kept at most over all series (about 4 MB of strings). Names may be 1024
    /// characters each, so the series limit alone would let a hostile agent hold ~40 MB and make every scrape
    /// hundreds of MB long.
    /// </summary>
    public const long DefaultMaxLabelCharacters = 2_000_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<GoldenSeriesKey, GoldenSeriesTotals> _server = [];
    private readonly Dictionary<GoldenSeriesKey, GoldenSeriesTotals> _client = [];
    private readonly int _maxSeries;
    private readonly long _maxLabelCharacters;
    private long _labelCharacters;
    private long _refusedSamples;

    public GoldenMetricCounters(int maxSeries = DefaultMaxSeries, long maxLabelCharacters = DefaultMaxLabelCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSeries);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLabelCharacters);
        _maxSeries = maxSeries;
        _maxLabelCharacters = maxLabelCharacters;
    }

    /// <summary>Adds a batch the store accepted (validated, placed once); call it once per batch.</summary>
    public void Add(MetricBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            foreach (var g in batch.Golden)
            {
                Add(_server, new GoldenSeriesKey(g.Service, g.Instance, g.Operation, g.Caller), g.Stats);
            }

            foreach (var c in batch.Calls)
            {
                Add(_client, new GoldenSeriesKey(c.Caller, c.CallerInstance, c.Operation, c.Callee), c.Stats);
            }
        }
    }

    public GoldenMetricsSnapshot Snapshot()
    {
        GoldenSeriesValues[] server, client;
        long refused;
        lock (_gate)
        {
            server = Values(_server);
            client = Values(_client);
            refused = _refusedSamples;
        }

        // Sorted outside the lock, so a scrape of many series does not hold up ingestion.
        Array.Sort(server, (a, b) => GoldenSeriesKey.CompareOrdinal(a.Key, b.Key));
        Array.Sort(client, (a, b) => GoldenSeriesKey.CompareOrdinal(a.Key, b.Key));
        return new GoldenMetricsSnapshot(server, client, refused);
    }

    private void Add(Dictionary<GoldenSeriesKey, GoldenSeriesTotals> family, GoldenSeriesKey key, RequestStats stats)
    {
        if (!family.TryGetValue(key, out var totals))
        {
            var characters = key.LabelCharacters;
            if (_server.Count + _client.Count >= _maxSeries || _labelCharacters + characters > _maxLabelCharacters)
            {
                _refusedSamples++;
                return;
            }

            _labelCharacters += characters;
            family[key] = totals = new GoldenSeriesTotals();
        }

        totals.Add(stats);
    }

    private static GoldenSeriesValues[] Values(Dictionary<GoldenSeriesKey, GoldenSeriesTotals> family) =>
        family.Select(pair => pair.Value.Values(pair.Key)).ToArray();
}
