using System.Collections.Frozen;

namespace RootCause.Agent.Identity;

/// <summary>
/// The node's pods by UID, replaced wholesale by each successful refresh from an <see cref="IPodListSource"/>.
/// A failed fetch or a malformed list keeps the previous mapping (a kubelet restart must not rename every
/// service for an interval). Read by the drain thread, written by the refresh loop: the map is immutable and
/// swapped by reference.
/// </summary>
internal sealed class PodDirectory : IPodDirectory
{
    private readonly IPodListSource source;
    private FrozenDictionary<string, PodInfo> pods = FrozenDictionary<string, PodInfo>.Empty;
    private int version;

    public PodDirectory(IPodListSource source)
    {
        this.source = source;
    }

    public int Version => Volatile.Read(ref version);

    public int Count => Volatile.Read(ref pods).Count;

    public bool TryFind(string podUid, out PodInfo pod) => Volatile.Read(ref pods).TryGetValue(podUid, out pod!);

    /// <summary>Fetches and parses the pod list once. Returns null on success, else why the previous mapping was kept.</summary>
    public async Task<string?> RefreshAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<PodInfo> list;
        try
        {
            list = KubernetesPodList.Parse(await source.FetchAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (FormatException e)
        {
            return $"pod list from {source.Description} is malformed, keeping the previous {Count} pods: {e.Message}";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"could not fetch the pod list from {source.Description}, keeping the previous {Count} pods: {e.Message}";
        }

        var byUid = new Dictionary<string, PodInfo>(StringComparer.Ordinal);
        foreach (var pod in list)
        {
            byUid[pod.Uid] = pod;
        }

        Volatile.Write(ref pods, byUid.ToFrozenDictionary(StringComparer.Ordinal));
        Interlocked.Increment(ref version);
        return null;
    }

    /// <summary>Refreshes now and then every <paramref name="every"/> until cancelled; problems go to <paramref name="log"/>.</summary>
    public async Task RunAsync(TimeSpan every, TimeProvider time, Action<string> log, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await RefreshAsync(cancellationToken).ConfigureAwait(false) is { } problem)
                {
                    log("agent: " + problem);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The refresh loop outlives anything one answer does to it; the mapping stays as it was.
                log($"agent: pod list refresh from {source.Description} failed, keeping the previous {Count} pods: {e.GetType().Name}: {e.Message}");
            }

            try
            {
                await Task.Delay(every, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
