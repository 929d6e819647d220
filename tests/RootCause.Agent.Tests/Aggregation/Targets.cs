using RootCause.Agent.Aggregation;

namespace RootCause.Agent.Tests.Aggregation;

/// <summary>Resource targets from a pid → instance table, for tests that sample processes without cgroups.</summary>
internal static class Targets
{
    public static IReadOnlyList<ResourceTarget> ByPid(IReadOnlyDictionary<int, string> pids) =>
        pids.GroupBy(p => p.Value).Select(g => new ResourceTarget(g.Key, g.Select(p => p.Key).ToArray(), [])).ToArray();
}
