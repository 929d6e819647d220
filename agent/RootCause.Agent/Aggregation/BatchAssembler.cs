using RootCause.Agent.Identity;
using RootCause.Contracts;

namespace RootCause.Agent.Aggregation;

/// <summary>
/// Accumulates one interval of instances, golden metrics, calls and OOM kills and turns them, with the
/// interval's edges and resource samples, into a <see cref="MetricBatch"/>. Operations per service are capped so
/// a scanner hitting random paths cannot blow up cardinality.
/// </summary>
internal sealed class BatchAssembler
{
    public const int MaxOperationsPerService = 200;
    public const string OverflowOperation = "OTHER";

    private readonly Dictionary<GoldenKey, RequestStatsAccumulator> golden = [];
    private readonly Dictionary<CallKey, RequestStatsAccumulator> calls = [];
    private readonly Dictionary<string, InstanceInfo> instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceActivity> activity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> operationsByService = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> oomKills = new(StringComparer.Ordinal);

    /// <summary>
    /// An instance was active through process <paramref name="pid"/>. A later sighting may add what an earlier one
    /// lacked: the listening address, a kind more telling than "service".
    /// </summary>
    public void AddInstance(InstanceInfo instance, int pid, CgroupMembership? cgroup)
    {
        if (!instances.TryGetValue(instance.Instance, out var known))
        {
            instances[instance.Instance] = instance;
        }
        else if ((known.Address is null && instance.Address is not null) || (known.Kind == ServiceKind.Service && instance.Kind != ServiceKind.Service))
        {
            instances[instance.Instance] = known with
            {
                Address = known.Address ?? instance.Address,
                Kind = known.Kind == ServiceKind.Service ? instance.Kind : known.Kind,
            };
        }

        if (!activity.TryGetValue(instance.Instance, out var acted))
        {
            activity[instance.Instance] = acted = new InstanceActivity();
        }

        acted.Pids.Add(pid);
        if (cgroup is not null)
        {
            acted.Cgroups.Add(cgroup);
        }
    }

    public void AddServed(string service, string operation, string instance, string caller, RequestOutcome outcome, double latencySeconds)
    {
        var key = new GoldenKey(service, Cap(service, operation), instance, caller);
        if (!golden.TryGetValue(key, out var stats))
        {
            golden[key] = stats = new RequestStatsAccumulator();
        }

        stats.Add(outcome, latencySeconds);
    }

    public void AddCall(string caller, string callerInstance, string callee, string operation, RequestOutcome outcome, double latencySeconds)
    {
        var key = new CallKey(caller, callerInstance, callee, Cap(caller + "→" + callee, operation));
        if (!calls.TryGetValue(key, out var stats))
        {
            calls[key] = stats = new RequestStatsAccumulator();
        }

        stats.Add(outcome, latencySeconds);
    }

    public void AddOomKill(string instance) => oomKills[instance] = oomKills.GetValueOrDefault(instance) + 1;

    /// <summary>The instances active in the interval, with their processes and cgroups, for resource sampling.</summary>
    public IReadOnlyList<ResourceTarget> ResourceTargets() => activity.Select(a => a.Value.ToTarget(a.Key)).ToArray();

    /// <summary>Builds the interval's batch and starts a new interval.</summary>
    public MetricBatch Flush(
        string agentId, string node, DateTimeOffset intervalStart, double intervalSeconds, IReadOnlyList<NetworkSample> network, IReadOnlyList<ResourceSample> resources)
    {
        var batch = new MetricBatch(
            agentId,
            node,
            intervalStart,
            intervalSeconds,
            instances.Values.OrderBy(i => i.Instance, StringComparer.Ordinal).ToArray(),
            golden.Select(g => new GoldenSample(g.Key.Service, g.Key.Operation, g.Key.Instance, g.Key.Caller, g.Value.ToStats())).ToArray(),
            calls.Select(c => new CallSample(c.Key.Caller, c.Key.CallerInstance, c.Key.Callee, c.Key.Operation, c.Value.ToStats())).ToArray(),
            network,
            WithOomKills(resources));
        golden.Clear();
        calls.Clear();
        instances.Clear();
        activity.Clear();
        operationsByService.Clear();
        oomKills.Clear();
        return batch;
    }

    /// <summary>OOM kills of the interval on their instances' samples (a killed process has no CPU sample left) and the node's.</summary>
    private IReadOnlyList<ResourceSample> WithOomKills(IReadOnlyList<ResourceSample> resources)
    {
        if (oomKills.Count == 0)
        {
            return resources;
        }

        var merged = new List<ResourceSample>(resources.Count + oomKills.Count);
        var total = oomKills.Values.Sum();
        foreach (var sample in resources)
        {
            merged.Add(sample.Kind == ResourceKind.Node
                ? sample with { OomKills = sample.OomKills + total }
                : sample with { OomKills = sample.OomKills + oomKills.GetValueOrDefault(sample.Id) });
        }

        foreach (var (instance, kills) in oomKills)
        {
            if (!resources.Any(r => r.Kind == ResourceKind.Instance && r.Id == instance))
            {
                merged.Add(new ResourceSample(ResourceKind.Instance, instance, 0, 0, 0, 0, 0, kills));
            }
        }

        return merged;
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
