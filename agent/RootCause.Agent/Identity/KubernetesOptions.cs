namespace RootCause.Agent.Identity;

/// <summary>Where and how often to read the node's pod list. Absent unless --kubelet or --kube-api is given.</summary>
/// <param name="TokenFile">Bearer token file (the service account's by default); null sends no token.</param>
/// <param name="CaFile">PEM CA that must sign the server's certificate; null uses the system store.</param>
internal sealed record KubernetesOptions(Uri PodsUri, string? TokenFile, string? CaFile, TimeSpan Refresh);
