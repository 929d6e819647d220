using RootCause.Agent.Identity;

namespace RootCause.Agent.Aggregation;

/// <summary>Who acted for an instance in one interval: its processes and, when its identity came from a cgroup, those cgroups.</summary>
internal sealed class InstanceActivity
{
    public HashSet<int> Pids { get; } = [];

    public HashSet<CgroupMembership> Cgroups { get; } = [];

    public ResourceTarget ToTarget(string instance) => new(instance, Pids.ToArray(), Cgroups.ToArray());
}
