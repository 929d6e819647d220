namespace RootCause.Agent.Identity;

/// <summary>A pod and the service it belongs to (from its labels).</summary>
internal sealed record PodInfo(string Uid, string Name, string Namespace, string Service, IReadOnlyDictionary<string, string> Labels);
