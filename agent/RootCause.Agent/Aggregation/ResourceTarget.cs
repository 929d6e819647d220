using RootCause.Agent.Identity;

namespace RootCause.Agent.Aggregation;

/// <summary>An instance to sample: the processes seen acting for it and, when its identity came from a cgroup, that cgroup.</summary>
/// <param name="Pids">Its processes active in the interval (run-queue delay, and CPU and memory when there is no cgroup).</param>
/// <param name="Cgroups">The cgroups whose whole usage is the instance's (usually one); empty to sum over <paramref name="Pids"/>.</param>
internal sealed record ResourceTarget(string Instance, IReadOnlyCollection<int> Pids, IReadOnlyCollection<CgroupMembership> Cgroups);
