using RootCause.Contracts;

namespace RootCause.Agent.Aggregation;

/// <summary>
/// Accumulates one interval of golden and network-edge metrics and turns it into a <see cref="MetricBatch"/>.
/// Operations per service are capped so a scanner hitting random paths cannot blow up cardinality.
/// </summary>
internal sealed class IntervalAggregator
{
    public const int MaxOperationsPerService = 200;
    public const string OverflowOperation = "OTHER";

    private readonly Dictionary<GoldenKey, RequestStatsAccumulator> golden = [];
    private readonly Dictionary<CallKey, RequestStatsAccumulator> calls = [];
    private readonly Dictionary<EdgeKey, EdgeAccumulator> edges = [];
    private readonly Dictionary<string, InstanceInfo> instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> operationsByService = new(StringComparer.Ordinal);

    public void AddInstance(InstanceInfo instance)
    {
        if (!instances.TryGetValue(instance.Instance, out var known) || (known.Address is null && instance.Address is not null))
        {
            instances[instance.Instance] = instance;
        }
    }

    public void AddServed(string service, string operation, string instance, string caller, int status, double latencySeconds)
    {
        var key = new GoldenKey(service, Cap(service, operation), instance, caller);
        if (!golden.TryGetValue(key, out var stats))
        {
            golden[key] = stats = new RequestStatsAccumulator();
        }

        stats.Add(status, latencySeconds);
    }

    public void AddCall(string caller, string callerInstance, string callee, string operation, int status, double latencySeconds)
    {
        var key = new CallKey(caller, callerInstance, callee, Cap(caller + "→" + callee, operation));
        if (!calls.TryGetValue(key, out var stats))
        {
            calls[key] = stats = new RequestStatsAccumulator();
        }

        stats.Add(status, latencySeconds);
    }

    public EdgeAccumulator Edge(string source, string destination)
    {
        var key = new EdgeKey(source, destination);
        if (!edges.TryGetValue(key, out var edge))
        {
            edges[key] = edge = new EdgeAccumulator();
        }

        return edge;
    }

    /// <summary>Builds the interval's batch and starts a new interval.</summary>
    public MetricBatch Flush(string agentId, string node, DateTimeOffset intervalStart, double intervalSeconds, IReadOnlyList<ResourceSample> resources)
    {
        var batch = new MetricBatch(
            agentId,
            node,
            intervalStart,
            intervalSeconds,
            instances.Values.OrderBy(i => i.Instance, StringComparer.Ordinal).ToArray(),
            golden.Select(g => new GoldenSample(g.Key.Service, g.Key.Operation, g.Key.Instance, g.Key.Caller, g.Value.ToStats())).ToArray(),
            calls.Select(c => new CallSample(c.Key.Caller, c.Key.CallerInstance, c.Key.Callee, c.Key.Operation, c.Value.ToStats())).ToArray(),
            edges.Select(e => e.Value.ToSample(e.Key.Source, e.Key.Destination)).ToArray(),
            resources);
        golden.Clear();
        calls.Clear();
        edges.Clear();
        instances.Clear();
        operationsByService.Clear();
        return batch;
    }

    private string Cap(string scope, string operation)
    {
        if (!operationsByService.TryGetValue(scope, out var seen))
        {
            operationsByService[scope] = seen = new HashSet<string>(StringComparer.Ordinal);
        }

        if (seen.Contains(operation))
        {
            return operation;
        }

        if (seen.Count >= MaxOperationsPerService)
        {
            return OverflowOperation;
        }

        seen.Add(operation);
        return operation;
    }
}
