using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Evaluation.Nezha;

/// <summary>
/// Maps a Nezha day onto RootCause's model. Each pod is an instance (id: the pod name) of its service; call-graph
/// edges become declared call edges; each pod's metric row becomes one <see cref="MetricBatch"/> of 60 s (one agent
/// per pod) holding a server-side <see cref="GoldenSample"/> (caller "external": the pod files do not split by
/// caller), OB's caller-side <see cref="CallSample"/>s and an instance <see cref="ResourceSample"/>. Nothing unknown
/// is invented: a sample whose inputs are NaN is left out. See docs/accuracy.md for what the mapping loses.
/// </summary>
internal static class NezhaMapping
{
    public const string Source = "nezha";
    public const string Operation = "all";
    public const double IntervalSeconds = 60;

    private const double BytesPerMebibyte = 1024 * 1024;

    /// <summary>
    /// The node a pod runs on. OB's dependency.csv names each service's host address (see
    /// <see cref="NezhaCallGraph.Hosts"/>): checkoutservice and currencyservice share 33.33.33.227, and so do their
    /// node series. TT names no host, so each pod gets a placeholder node of its own, named after the pod: one pod
    /// per node claims no co-location the data does not show. Either way no node carries samples (see
    /// <see cref="Batches"/>), so a node is never blamed on its own series.
    /// </summary>
    public static string NodeOf(NezhaDay day, PodMetrics pod) => day.Graph.Hosts.GetValueOrDefault(pod.Service) ?? pod.Pod;

    public static TopologyGraph Topology(NezhaDay day)
    {
        var builder = new TopologyBuilder();
        foreach (var service in day.Services)
        {
            builder.AddService(service);
        }

        foreach (var pod in day.Pods)
        {
            builder.AddInstance(pod.Pod, pod.Service, NodeOf(day, pod));
        }

        foreach (var call in day.Graph.Calls)
        {
            builder.AddCall(call.Caller, call.Callee);
        }

        return builder.Build();
    }

    /// <summary>
    /// One batch per (pod, row), in time order. Node rows (NodeCpuUsageRate, NodeMemoryUsageRate) are left out:
    /// a <see cref="ResourceSample"/> of a node needs CPU seconds and bytes, and the node's capacity, which would
    /// turn the percentages into those, is nowhere in the data; inventing one would fabricate the usage series.
    /// </summary>
    public static IReadOnlyList<MetricBatch> Batches(NezhaDay day)
    {
        var batches = new List<MetricBatch>(day.Pods.Sum(p => p.Table.RowCount));

        // source_50.csv is per service edge, not per pod: one pod of each calling service carries it.
        var edgeCarriers = day.Pods.GroupBy(p => p.Service, StringComparer.Ordinal).Select(g => g.First().Pod).ToHashSet(StringComparer.Ordinal);
        foreach (var pod in day.Pods)
        {
            var node = NodeOf(day, pod);
            var instance = new InstanceInfo(pod.Pod, pod.Service, node);
            var isEntry = pod.Service == day.System.EntryService;
            for (var r = 0; r < pod.Table.RowCount; r++)
            {
                var minute = pod.Table.Minutes[r];
                var (successRate, median) = isEntry ? Entry(day, pod.Table, r) : (double.NaN, double.NaN);
                var stats = ServerStats(pod.Table, r, successRate, median);
                var resources = Resources(pod, r);
                batches.Add(new MetricBatch(
                    $"{Source}/{pod.Pod}",
                    node,
                    minute,
                    IntervalSeconds,
                    [instance],
                    stats is null ? [] : [new GoldenSample(pod.Service, Operation, pod.Pod, Callers.External, stats)],
                    day.EdgeLatency is { } edges && edgeCarriers.Contains(pod.Pod) ? CallerSide(edges, pod, minute) : [],
                    [],
                    resources is null ? [] : [resources]));
            }
        }

        batches.Sort((a, b) => a.IntervalStart.CompareTo(b.IntervalStart));
        return batches;
    }

    /// <summary>
    /// What front_service.csv adds for the entry pod's row: its success rate where the system's is real, and its
    /// median latency. front_service.csv is the entry pod's own server-side latency: its p90, p95 and p99 equal the
    /// pod's in every row of both days; it adds p50. The median is used only where that holds for the row.
    /// </summary>
    internal static (double SuccessRate, double MedianSeconds) Entry(NezhaDay day, MinuteTable pod, int podRow)
    {
        var row = day.Front.RowAt(pod.Minutes[podRow]);
        if (row < 0)
        {
            return (double.NaN, double.NaN);
        }

        var successRate = day.System.EntrySuccessRateIsReal ? day.Front.Value(row, FrontServiceReader.SuccessRate) : double.NaN;
        var same = FrontServiceReader.PodServerLatency.All(p => day.Front.Value(row, p.Front).Equals(pod.Value(podRow, p.Pod)));
        return (successRate, same ? day.Front.Value(row, FrontServiceReader.LatencyP50) : double.NaN);
    }

    /// <summary>
    /// Server-side golden metrics of one pod row, or null when they are unknown.
    /// <list type="bullet">
    /// <item>Requests: PodWorkload(Ops) is a rate in requests per second, not a count: 96% of its non-zero values
    /// are whole multiples of 1/15, i.e. whole requests per 15 s scrape, and OB's frontend runs at 8.6 with a load
    /// generator in front. Requests in the minute = round(ops × 60).</item>
    /// <item>Errors: PodSuccessRate(%) is 0 in every row (broken, README), so errors are 0, except for OB's entry,
    /// whose success rate comes from front_service.csv: errors = round(requests × (100 − rate) / 100).</item>
    /// <item>Latency: only p90, p95 and p99 are known (and the entry's p50, see <see cref="Entry"/>); the histogram
    /// spreads the requests along them (<see cref="LatencyHistogram"/>) and the latency sum is requests × the mean
    /// of that model, which overstates the true mean (nothing below the lowest known percentile is known).</item>
    /// </list>
    /// Zero requests give a sample with zero requests, whose latency is then lost: workload and percentiles cover
    /// different windows, and 40% of TT's rows read 0 requests with percentiles known; the contract carries no
    /// latency without requests, and a nominal request would be invented. Requests without their percentiles (NaN)
    /// give no sample: the contract cannot say "this many requests, latency unknown".
    /// </summary>
    /// <param name="successRate">The entry's success rate in percent, or NaN where none is known.</param>
    /// <param name="medianSeconds">The entry's p50, or NaN where none is known.</param>
    internal static RequestStats? ServerStats(MinuteTable table, int row, double successRate, double medianSeconds)
    {
        var ops = table.Value(row, PodMetricColumns.Workload);
        if (double.IsNaN(ops))
        {
            return null;
        }

        var requests = (long)Math.Round(ops * IntervalSeconds);
        if (requests == 0)
        {
            return new RequestStats(0, 0, 0, 0, new long[LatencyBuckets.Count]);
        }

        var percentiles = PodMetricColumns.ServerLatencyPercentiles.Select(p => (p.Quantile, table.Value(row, p.Column))).ToList();
        if (percentiles.Any(p => double.IsNaN(p.Item2)))
        {
            return null;
        }

        if (!double.IsNaN(medianSeconds))
        {
            percentiles.Add((0.5, medianSeconds));
        }

        var mean = LatencyHistogram.ModelMean(percentiles);
        var errors = double.IsNaN(successRate) ? 0 : Math.Clamp((long)Math.Round(requests * (100 - successRate) / 100), 0, requests);
        return new RequestStats(requests, errors, 0, mean * requests, LatencyHistogram.Build(requests, mean, percentiles));
    }

    /// <summary>
    /// The pod's CPU and memory, or null when either is unknown. CpuUsage(m) is read as millicores:
    /// CpuSeconds = m / 1000 × 60. The limits are what the usage and its percentage imply: cores =
    /// (m / 1000) / (rate / 100) and bytes = MiB / (rate / 100), when the rate is above 0 (0 = unknown, as the
    /// contract says). Run-queue delay and OOM kills are not in the data and stay 0.
    /// </summary>
    internal static ResourceSample? Resources(PodMetrics pod, int row)
    {
        var millicores = pod.Table.Value(row, PodMetricColumns.CpuUsage);
        var cpuRate = pod.Table.Value(row, PodMetricColumns.CpuUsageRate);
        var mebibytes = pod.Table.Value(row, PodMetricColumns.MemoryUsage);
        var memoryRate = pod.Table.Value(row, PodMetricColumns.MemoryUsageRate);
        if (double.IsNaN(millicores) || double.IsNaN(mebibytes))
        {
            return null;
        }

        var cores = millicores / 1000;
        var limitCores = cpuRate > 0 ? cores / (cpuRate / 100) : 0;
        var memoryBytes = mebibytes * BytesPerMebibyte;
        var limitBytes = memoryRate > 0 ? memoryBytes / (memoryRate / 100) : 0;
        return new ResourceSample(ResourceKind.Instance, pod.Pod, cores * IntervalSeconds, limitCores, (long)Math.Round(memoryBytes), (long)Math.Round(limitBytes), 0, 0);
    }

    /// <summary>
    /// OB's caller-side view of each edge the pod's service calls, from source_50.csv, where the minute's median is
    /// known. The file gives a median and no count, so each sample is one nominal request at the median: the edge's
    /// latency series are the dataset's medians; its request series is a constant marker, not traffic.
    /// </summary>
    internal static IReadOnlyList<CallSample> CallerSide(EdgeLatency edges, PodMetrics pod, DateTimeOffset minute)
    {
        var row = edges.Table.RowAt(minute);
        if (row < 0)
        {
            return [];
        }

        var calls = new List<CallSample>();
        for (var e = 0; e < edges.Edges.Count; e++)
        {
            var median = edges.Median(row, e);
            if (edges.Edges[e].Caller != pod.Service || double.IsNaN(median))
            {
                continue;
            }

            var counts = new long[LatencyBuckets.Count];
            counts[LatencyBuckets.IndexOf(median)] = 1;
            calls.Add(new CallSample(pod.Service, pod.Pod, edges.Edges[e].Callee, Operation, new RequestStats(1, 0, 0, median, counts)));
        }

        return calls;
    }

    /// <summary>
    /// The fault class of default.yaml an inject_type corresponds to, for the bundle's ground truth (the protocol
    /// scores services, not classes): CPU stress is cpu_saturation, a delayed network network_loss ("packet loss or
    /// network latency"), injected exceptions error_burst; "return" (a changed return value) has no class.
    /// </summary>
    public static string FaultClassOf(string injectType) => injectType switch
    {
        "cpu_contention" or "cpu_consumed" => "cpu_saturation",
        "network_delay" => "network_loss",
        "exception" => "error_burst",
        _ => "unknown",
    };

    /// <summary>The alert: the entry service's latency at the injection time (the protocol's; no alert rule of the cluster is in the data).</summary>
    public static Symptom Symptom(NezhaDay day, NezhaFault fault) =>
        new(day.System.EntryService, Kpis.Latency, null, fault.At, Source, $"{day.System.EntryService} latency");
}
