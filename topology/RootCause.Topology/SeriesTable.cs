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

    public IEnumerable<KeyValuePair<SeriesKey, double[]>> Of(EntityRef entity) =>
        _series.Where(kv => kv.Key.Entity == entity);

    internal static SeriesTable Build(TelemetrySnapshot snapshot)
    {
        var length = snapshot.Intervals.Count;
        var series = new Dictionary<SeriesKey, double[]>();
        for (var t = 0; t < length; t++)
        {
            var interval = snapshot.Intervals[t];
            var seconds = snapshot.Step.TotalSeconds;
            var services = new Dictionary<string, RequestAggregate>(StringComparer.Ordinal);
            var instances = new Dictionary<string, RequestAggregate>(StringComparer.Ordinal);
            var clientEdges = new Dictionary<string, RequestAggregate>(StringComparer.Ordinal);
            var serverEdges = new Dictionary<string, RequestAggregate>(StringComparer.Ordinal);
            var network = new Dictionary<string, NetworkTotals>(StringComparer.Ordinal);
            var resources = new Dictionary<EntityRef, ResourceTotals>();

            foreach (var batch in interval.Batches)
            {
                foreach (var g in batch.Golden)
                {
                    Sum(services, g.Service).Add(g.Stats);
                    Sum(instances, g.Instance).Add(g.Stats);
                    if (g.Caller != Callers.External)
                    {
                        Sum(serverEdges, new CallEdge(g.Caller, g.Service).Name).Add(g.Stats);
                    }
                }

                foreach (var c in batch.Calls)
                {
                    Sum(clientEdges, new CallEdge(c.Caller, c.Callee).Name).Add(c.Stats);
                }

                foreach (var n in batch.Network)
                {
                    var name = new NetworkEdge(n.SourceInstance, n.Destination).Name;
                    if (!network.TryGetValue(name, out var totals))
                    {
                        network[name] = totals = new NetworkTotals();
                    }

                    totals.Add(n);
                }

                foreach (var r in batch.Resources)
                {
                    var entity = new EntityRef(r.Kind == ResourceKind.Node ? EntityKind.Node : EntityKind.Instance, r.Id);
                    if (!resources.TryGetValue(entity, out var totals))
                    {
                        resources[entity] = totals = new ResourceTotals();
                    }

                    totals.Add(r);
                }
            }

            foreach (var (name, agg) in services)
            {
                PutGolden(series, new EntityRef(EntityKind.Service, name), agg, t, length, seconds);
            }

            foreach (var (name, agg) in instances)
            {
                PutGolden(series, new EntityRef(EntityKind.Instance, name), agg, t, length, seconds);
            }

            // The caller's view when the caller is watched; the server's view of the same edge otherwise.
            foreach (var (name, agg) in serverEdges)
            {
                if (!clientEdges.ContainsKey(name))
                {
                    clientEdges[name] = agg;
                }
            }

            foreach (var (name, agg) in clientEdges)
            {
                PutGolden(series, new EntityRef(EntityKind.CallEdge, name), agg, t, length, seconds);
            }

            foreach (var (name, n) in network)
            {
                var e = new EntityRef(EntityKind.NetworkEdge, name);
                Put(series, e, MetricCatalog.Connects, t, length, n.Connects / seconds);
                Put(series, e, MetricCatalog.ConnectFailures, t, length, n.ConnectFailures / seconds);
                Put(series, e, MetricCatalog.Retransmits, t, length, n.Retransmits / seconds);
                Put(series, e, MetricCatalog.Rtt, t, length, n.RttSamples > 0 ? n.RttSum / n.RttSamples : double.NaN);
                Put(series, e, MetricCatalog.Resets, t, length, n.Resets / seconds);
                Put(series, e, MetricCatalog.Drops, t, length, n.Drops / seconds);
                Put(series, e, MetricCatalog.Bytes, t, length, n.Bytes / seconds);
            }

            foreach (var (e, r) in resources)
            {
                var cores = r.CpuSeconds / seconds;
                Put(series, e, MetricCatalog.CpuUsage, t, length, cores);
                Put(series, e, MetricCatalog.CpuUtilization, t, length, r.CpuLimitCores > 0 ? cores / r.CpuLimitCores : double.NaN);
                Put(series, e, MetricCatalog.MemoryUsage, t, length, r.MemoryBytes);
                Put(series, e, MetricCatalog.MemoryUtilization, t, length, r.MemoryLimitBytes > 0 ? (double)r.MemoryBytes / r.MemoryLimitBytes : double.NaN);
                Put(series, e, MetricCatalog.RunQueueDelay, t, length, r.RunQueueDelaySeconds / seconds);
                Put(series, e, MetricCatalog.OomKills, t, length, r.OomKills / seconds);
            }
        }

        return new SeriesTable(series, length);
    }

    private static RequestAggregate Sum(Dictionary<string, RequestAggregate> sums, string key)
    {
        if (!sums.TryGetValue(key, out var agg))
        {
            sums[key] = agg = new RequestAggregate();
        }

        return agg;
    }

    private static void PutGolden(Dictionary<SeriesKey, double[]> series, EntityRef e, RequestAggregate agg, int t, int length, double seconds)
    {
        Put(series, e, MetricCatalog.Requests, t, length, agg.Requests / seconds);
        Put(series, e, MetricCatalog.Errors, t, length, agg.Errors / seconds);
        Put(series, e, MetricCatalog.ErrorRate, t, length, agg.ErrorRatio);
        Put(series, e, MetricCatalog.LatencyMean, t, length, agg.LatencyMean);
        Put(series, e, MetricCatalog.LatencyP99, t, length, agg.Quantile(0.99));
    }

    private static void Put(Dictionary<SeriesKey, double[]> series, EntityRef e, string metric, int t, int length, double value)
    {
        var key = new SeriesKey(e, metric);
        if (!series.TryGetValue(key, out var values))
        {
            values = new double[length];
            Array.Fill(values, double.NaN);
            series[key] = values;
        }

        values[t] = value;
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
