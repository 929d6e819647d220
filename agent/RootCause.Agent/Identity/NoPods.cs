namespace RootCause.Agent.Identity;

/// <summary>No Kubernetes here: every lookup misses.</summary>
internal sealed class NoPods : IPodDirectory
{
    public static NoPods Instance { get; } = new();

    public int Version => 0;

    public bool TryFind(string podUid, out PodInfo pod)
    {
        pod = null!;
        return false;
    }
}
