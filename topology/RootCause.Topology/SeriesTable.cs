using RootCause.Contracts;

namespace RootCause.Topology;

/// <summary>
/// Every metric of <see cref="MetricCatalog"/> for every entity in a snapshot, aligned to its timeline.
/// A value is NaN where the entity had no data in that interval.
/// </summary>
public sealed class SeriesTable
{
    private readonly Dictionary<SeriesKey, double[]> _series;

    private SeriesTable(Dictionary<SeriesKey, double[]> series, int length)
    {
        _series = series;
        Length = length;
    }

    public int Length { get; }

    public IEnumerable<SeriesKey> Keys => _series.Keys;

    public int Count => _series.Count;

    public bool TryGet(SeriesKey key, out double[] values) => _series.TryGetValue(key, out values!);

    public double[]? Get(EntityRef entity, string metric) => _series.GetValueOrDefault(new SeriesKey(entity, metric));

    private static readonly string[] GoldenMetrics = [MetricCatalog.Requests, MetricCatalog.Errors, MetricCatalog.ErrorRate, MetricCatalog.LatencyMean, MetricCatalog.LatencyP99];
    private static readonly string[] NetworkMetrics = [MetricCatalog.Connects, MetricCatalog.ConnectFailures, MetricCatalog.Retransmits, MetricCatalog.Rtt, MetricCatalog.Resets, MetricCatalog.Drops, MetricCatalog.Bytes];
    private static readonly string[] ResourceMetrics = [MetricCatalog.CpuUsage, MetricCatalog.CpuUtilization, MetricCatalog.MemoryUsage, MetricCatalog.MemoryUtilization, MetricCatalog.RunQueueDelay, MetricCatalog.OomKills];

    // Series are filled per entity (one lookup per entity and interval, all its metrics at once) and keyed
    // by name tuples; names and keys are built once per entity, not once per sample.
    internal static SeriesTable Build(TelemetrySnapshot snapshot)
    {
        var length = snapshot.Intervals.Count;
        var seconds = snapshot.Step.TotalSeconds;
        var services = new EntitySeries<string>(length, GoldenMetrics.Length);
        var instances = new EntitySeries<string>(length, GoldenMetrics.Length);
        var calls = new EntitySeries<(string Caller, string Callee)>(length, GoldenMetrics.Length);
        var network = new EntitySeries<(string Source, string Destination)>(length, NetworkMetrics.Length);
        var resources = new EntitySeries<(ResourceKind Kind, string Id)>(length, ResourceMetrics.Length);
        for (var t = 0; t < length; t++)
        {
            var interval = snapshot.Intervals[t];
            var serviceSums = new Dictionary<string, RequestAggregate>(StringComparer.Ordinal);
            var instanceSums = new Dictionary<string, RequestAggregate>(StringComparer.Ordinal);
            var clientEdges = new Dictionary<(string, string), RequestAggregate>();
            var serverEdges = new Dictionary<(string, string), RequestAggregate>();
            var networkSums = new Dictionary<(string, string), NetworkTotals>();
            var resourceSums = new Dictionary<(ResourceKind, string), ResourceTotals>();

            foreach (var batch in interval.Batches)
            {
                foreach (var g in batch.Golden)
                {
                    Sum(serviceSums, g.Service).Add(g.Stats);
                    Sum(instanceSums, g.Instance).Add(g.Stats);
                    if (g.Caller != Callers.External)
                    {
                        Sum(serverEdges, (g.Caller, g.Service)).Add(g.Stats);
                    }
                }

                foreach (var c in batch.Calls)
                {
                    Sum(clientEdges, (c.Caller, c.Callee)).Add(c.Stats);
                }

                foreach (var n in batch.Network)
                {
                    Sum(networkSums, (n.SourceInstance, n.Destination)).Add(n);
                }

                foreach (var r in batch.Resources)
                {
                    Sum(resourceSums, (r.Kind, r.Id)).Add(r);
                }
            }

            foreach (var (name, agg) in serviceSums)
            {
                PutGolden(services.At(name), agg, t, seconds);
            }

            foreach (var (name, agg) in instanceSums)
            {
                PutGolden(instances.At(name), agg, t, seconds);
            }

            // The caller's view when the caller is watched; the server's view of the same edge otherwise.
            foreach (var (edge, agg) in serverEdges)
            {
                clientEdges.TryAdd(edge, agg);
            }

            foreach (var (edge, agg) in clientEdges)
            {
                PutGolden(calls.At(edge), agg, t, seconds);
            }

            foreach (var (edge, n) in networkSums)
            {
                var m = network.At(edge);
                m[0][t] = n.Connects / seconds;
                m[1][t] = n.ConnectFailures / seconds;
                m[2][t] = n.Retransmits / seconds;
                m[3][t] = n.RttSamples > 0 ? n.RttSum / n.RttSamples : double.NaN;
                m[4][t] = n.Resets / seconds;
                m[5][t] = n.Drops / seconds;
                m[6][t] = n.Bytes / seconds;
            }

            foreach (var (entity, r) in resourceSums)
            {
                var m = resources.At(entity);
                var cores = r.CpuSeconds / seconds;
                m[0][t] = cores;
                m[1][t] = r.CpuLimitCores > 0 ? cores / r.CpuLimitCores : double.NaN;
                m[2][t] = r.MemoryBytes;
                m[3][t] = r.MemoryLimitBytes > 0 ? (double)r.MemoryBytes / r.MemoryLimitBytes : double.NaN;
                m[4][t] = r.RunQueueDelaySeconds / seconds;
                m[5][t] = r.OomKills / seconds;
            }
        }

        var series = new Dictionary<SeriesKey, double[]>();
        services.CopyTo(series, name => new EntityRef(EntityKind.Service, name), GoldenMetrics);
        instances.CopyTo(series, name => new EntityRef(EntityKind.Instance, name), GoldenMetrics);
        calls.CopyTo(series, e => new EntityRef(EntityKind.CallEdge, new CallEdge(e.Caller, e.Callee).Name), GoldenMetrics);
        network.CopyTo(series, e => new EntityRef(EntityKind.NetworkEdge, new NetworkEdge(e.Source, e.Destination).Name), NetworkMetrics);
        resources.CopyTo(series, e => new EntityRef(e.Kind == ResourceKind.Node ? EntityKind.Node : EntityKind.Instance, e.Id), ResourceMetrics);
        return new SeriesTable(series, length);
    }

    private static TValue Sum<TKey, TValue>(Dictionary<TKey, TValue> sums, TKey key)
        where TKey : notnull
        where TValue : new()
    {
        if (!sums.TryGetValue(key, out var agg))
        {
            sums[key] = agg = new TValue();
        }

        return agg;
    }

    private static void PutGolden(double[][] m, RequestAggregate agg, int t, double seconds)
    {
        m[0][t] = agg.Requests / seconds;
        m[1][t] = agg.Errors / seconds;
        m[2][t] = agg.ErrorRatio;
        m[3][t] = agg.LatencyMean;
        m[4][t] = agg.Quantile(0.99);
    }

    /// <summary>The metric arrays of every entity of one kind, NaN until an interval fills them.</summary>
    private sealed class EntitySeries<TKey>(int length, int metrics)
        where TKey : notnull
    {
        private readonly Dictionary<TKey, double[][]> _byEntity = [];

        public double[][] At(TKey key)
        {
            if (!_byEntity.TryGetValue(key, out var m))
            {
                m = new double[metrics][];
                for (var i = 0; i < metrics; i++)
                {
                    m[i] = new double[length];
                    Array.Fill(m[i], double.NaN);
                }

                _byEntity[key] = m;
            }

            return m;
        }

        public void CopyTo(Dictionary<SeriesKey, double[]> series, Func<TKey, EntityRef> entity, string[] names)
        {
            foreach (var (key, m) in _byEntity)
            {
                var e = entity(key);
                for (var i = 0; i < names.Length; i++)
                {
                    series[new SeriesKey(e, names[i])] = m[i];
                }
            }
        }
    }

    private sealed class NetworkTotals
    {
        public long Connects;
        public long ConnectFailures;
        public long Retransmits;
        public double RttSum;
        public long RttSamples;
        public long Resets;
        public long Drops;
        public long Bytes;

        public void Add(NetworkSample n)
        {
            Connects += n.Connects;
            ConnectFailures += n.ConnectFailures;
            Retransmits += n.Retransmits;
            RttSum += n.RttSumSeconds;
            RttSamples += n.RttSamples;
            Resets += n.Resets;
            Drops += n.Drops;
            Bytes += n.BytesSent + n.BytesReceived;
        }
    }

    private sealed class ResourceTotals
    {
        public double CpuSeconds;
        public double CpuLimitCores;
        public long MemoryBytes;
        public long MemoryLimitBytes;
        public double RunQueueDelaySeconds;
        public long OomKills;

        public void Add(ResourceSample r)
        {
            CpuSeconds += r.CpuSeconds;
            CpuLimitCores = Math.Max(CpuLimitCores, r.CpuLimitCores);
            MemoryBytes += r.MemoryBytes;
            MemoryLimitBytes = Math.Max(MemoryLimitBytes, r.MemoryLimitBytes);
            RunQueueDelaySeconds += r.RunQueueDelaySeconds;
            OomKills += r.OomKills;
        }
    }
}
