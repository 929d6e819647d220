namespace RootCause.Agent.Identity;

/// <summary>A pod and the service it belongs to (from its labels or owning workload).</summary>
/// <param name="Containers">Container id (64 hex, runtime prefix removed) → container name, from the pod's status.</param>
internal sealed record PodInfo(
    string Uid,
    string Name,
    string Namespace,
    string Service,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Containers);
