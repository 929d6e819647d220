namespace RootCause.Agent.Identity;

/// <summary>Where the node's pod list comes from: the kubelet or the API server over HTTPS, or recorded fixtures in tests.</summary>
internal interface IPodListSource
{
    /// <summary>What is asked, for log lines ("https://node:10250/pods").</summary>
    string Description { get; }

    /// <summary>The raw PodList JSON. Throws on transport failures; the caller keeps its previous mapping.</summary>
    Task<string> FetchAsync(CancellationToken cancellationToken);
}
