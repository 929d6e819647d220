using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Evaluation.PetShop;

/// <summary>
/// Maps PetShop data onto RootCause's model. Each component becomes a service of the same name with one
/// instance "&lt;component&gt;/0" on a node named after the component; graph edges become declared call edges;
/// each metrics row becomes one <see cref="MetricBatch"/> per component (one agent per node), 300 s long, with a
/// server-side <see cref="GoldenSample"/> whose caller is "external" (the dataset does not split by caller).
/// See docs/accuracy.md for what the mapping loses.
/// </summary>
internal static class PetShopMapping
{
    public const string Source = "petshop";
    public const string Operation = "all";
    public const long StepSeconds = MetricsReader.StepSeconds;

    public static string InstanceOf(string component) => component + "/0";

    public static string NodeOf(string component) => component;

    public static TopologyGraph Topology(PetShopGraph graph)
    {
        var builder = new TopologyBuilder();
        foreach (var c in graph.Components)
        {
            builder.AddInstance(InstanceOf(c), c, NodeOf(c), null, ComponentKinds.Of(c));
        }

        foreach (var call in graph.Calls)
        {
            builder.AddCall(call.Caller, call.Callee);
        }

        return builder.Build();
    }

    /// <summary>
    /// One batch per (row, component), the row's timestamp moved by <paramref name="shiftSeconds"/>.
    /// A component with no request count in a row, or with requests but no mean latency or availability,
    /// gets an empty batch for that row: nothing is invented.
    /// </summary>
    public static IReadOnlyList<MetricBatch> Batches(MetricTable table, long shiftSeconds)
    {
        var batches = new List<MetricBatch>(table.RowCount * table.Nodes.Count);
        for (var r = 0; r < table.RowCount; r++)
        {
            var start = DateTimeOffset.FromUnixTimeSeconds(table.Timestamps[r] + shiftSeconds);
            foreach (var component in table.Nodes)
            {
                var instance = new InstanceInfo(InstanceOf(component), component, NodeOf(component), null, ComponentKinds.Of(component));
                var stats = Stats(table, r, component);
                batches.Add(new MetricBatch(
                    $"{Source}/{component}",
                    NodeOf(component),
                    start,
                    StepSeconds,
                    [instance],
                    stats is null ? [] : [new GoldenSample(component, Operation, instance.Instance, Callers.External, stats)],
                    [],
                    [],
                    []));
            }
        }

        return batches;
    }

    /// <summary>
    /// requests = Sum; errors = requests × (100 − availability) / 100, which the data shows to be a whole number
    /// (availability is the percentage of successful requests); latency sum = Average × requests so that
    /// latency_mean equals the dataset's Average; the histogram comes from p50/p90/p95/p99.
    /// </summary>
    internal static RequestStats? Stats(MetricTable table, int row, string component)
    {
        var requestsCell = table.Value(row, component, MetricColumn.Requests, MetricColumn.Sum);
        if (double.IsNaN(requestsCell))
        {
            return null;
        }

        var requests = (long)Math.Round(requestsCell);
        if (requests == 0)
        {
            return new RequestStats(0, 0, 0, 0, new long[LatencyBuckets.Count]);
        }

        var average = table.Value(row, component, MetricColumn.Latency, MetricColumn.Average);
        var availability = table.Value(row, component, MetricColumn.Availability, MetricColumn.Average);
        if (double.IsNaN(average) || double.IsNaN(availability))
        {
            return null;
        }

        var errors = Math.Clamp((long)Math.Round(requests * (100 - availability) / 100), 0, requests);
        var percentiles = MetricColumn.LatencyPercentiles
            .Select(p => (p.Quantile, table.Value(row, component, MetricColumn.Latency, p.Statistic)));
        var counts = LatencyHistogram.Build(requests, average, percentiles);
        return new RequestStats(requests, errors, 0, average * requests, counts);
    }

    /// <summary>The alert as RootCause sees it; availability alerts are error-rate alerts.</summary>
    public static Symptom Symptom(IssueTarget target, long shiftSeconds) => new(
        target.Node,
        target.Metric == MetricColumn.Latency ? Kpis.Latency : Kpis.ErrorRate,
        null,
        DateTimeOffset.FromUnixTimeSeconds(target.Timestamp + shiftSeconds),
        Source,
        $"{target.Node} {target.Metric} {target.Statistic}");

    /// <summary>
    /// The graph component a ground-truth name refers to. In this copy of the dataset every root_cause.node is
    /// spelled exactly as in graph.csv (checked by a test); a different spelling (case, '_' vs ' ') is matched
    /// only when exactly one component fits, so a scorer never guesses between two.
    /// </summary>
    public static string? ResolveComponent(PetShopGraph graph, string name)
    {
        if (graph.Contains(name))
        {
            return name;
        }

        var key = Normalise(name);
        var matches = graph.Components.Where(c => Normalise(c) == key).ToArray();
        return matches.Length == 1 ? matches[0] : null;
    }

    private static string Normalise(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Seconds to add to a table's timestamps so that its rows start on 300 s boundaries.</summary>
    public static long AlignmentShift(MetricTable table) =>
        table.RowCount == 0 ? 0 : -(((table.Timestamps[0] % StepSeconds) + StepSeconds) % StepSeconds);
}
