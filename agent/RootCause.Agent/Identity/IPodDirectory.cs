namespace RootCause.Agent.Identity;

/// <summary>Pods of this node by UID (from the kubelet's or API server's pod list).</summary>
internal interface IPodDirectory
{
    /// <summary>Changes whenever a new pod list replaced the old one, so callers know cached misses may now hit.</summary>
    int Version { get; }

    bool TryFind(string podUid, out PodInfo pod);
}
