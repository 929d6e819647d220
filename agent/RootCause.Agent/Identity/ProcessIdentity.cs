namespace RootCause.Agent.Identity;

/// <summary>A pid's resolved identity and the comm it was resolved under (a new comm means a reused pid).</summary>
/// <param name="AwaitsPod">The process runs in a pod the pod list did not know yet: resolve again when the list changes.</param>
/// <param name="PodsVersion">The pod list version it was resolved against.</param>
internal sealed record ProcessIdentity(string Comm, ServiceIdentity Identity, bool AwaitsPod = false, int PodsVersion = 0);
