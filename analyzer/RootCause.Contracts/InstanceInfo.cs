namespace RootCause.Contracts;

/// <summary>An instance (process or container) of a service, running on a node.</summary>
/// <param name="Instance">Unique instance id, e.g. pod name or "service@node:pid".</param>
/// <param name="Service">The service the instance belongs to.</param>
/// <param name="Node">The node it runs on.</param>
/// <param name="Address">Listening address ("ip:port"), when known; lets network edges name instances.</param>
/// <param name="Kind">What the service is (service, database, cache, queue, external).</param>
public sealed record InstanceInfo(string Instance, string Service, string Node, string? Address = null, ServiceKind Kind = ServiceKind.Service);
