using RootCause.Contracts;

namespace RootCause.Agent.Identity;

/// <summary>Which service a process belongs to, the instance id it reports as, and what else its rule tells.</summary>
/// <param name="Rule">The rule that named it: "mapping", "kubernetes", "container", "process".</param>
/// <param name="Kind">The service's kind when the mapping file or the program says it; null when unknown.</param>
/// <param name="ResourceCgroup">
/// The cgroup whose CPU and memory are the instance's, when the identity came from the cgroup (a mapping rule on
/// cgroup, a pod, a container); null when resources are summed over the instance's processes.
/// </param>
internal sealed record ServiceIdentity(string Service, string Instance, string Rule, ServiceKind? Kind = null, CgroupMembership? ResourceCgroup = null);
