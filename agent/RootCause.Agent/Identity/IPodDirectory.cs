namespace RootCause.Agent.Identity;

/// <summary>Pods of this node by UID (from the kubelet's or API server's pod list).</summary>
internal interface IPodDirectory
{
    bool TryFind(string podUid, out PodInfo pod);
}
