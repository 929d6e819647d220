using RootCause.Contracts;

namespace RootCause.Agent.Identity;

/// <summary>
/// pid → identity, resolved once per process (again when the pid is reused under another comm, or when a pod
/// list arrives that may name a process still waiting for its pod), and what listeners taught about each
/// instance's kind: the protocol they answer in, else their port. Entries live as long as their pid owns a tracked connection or endpoint.
/// </summary>
internal sealed class IdentityCache
{
    private readonly ServiceResolver resolver;
    private readonly IProcessSource processes;
    private readonly Dictionary<int, ProcessIdentity> identities = [];
    private readonly Dictionary<string, ServiceKind> listenerKinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServiceKind> protocolKinds = new(StringComparer.Ordinal);

    public IdentityCache(ServiceResolver resolver, IProcessSource processes)
    {
        this.resolver = resolver;
        this.processes = processes;
    }

    public int Count => identities.Count;

    /// <summary>The identity of <paramref name="pid"/>, resolving it when unknown or stale.</summary>
    public ServiceIdentity Resolve(int pid, string comm)
    {
        if (!identities.TryGetValue(pid, out var known) || !string.Equals(known.Comm, comm, StringComparison.Ordinal) ||
            (known.AwaitsPod && known.PodsVersion != resolver.PodsVersion))
        {
            var version = resolver.PodsVersion;
            var process = processes.Describe(pid, comm);
            var identity = resolver.Resolve(process);
            var awaitsPod = identity.Rule != "kubernetes" && identity.Rule != "mapping" && CgroupPath.PodUid(process.CgroupPath) is not null;
            known = new ProcessIdentity(comm, identity, awaitsPod, version);
            identities[pid] = known;
        }

        return known.Identity;
    }

    /// <summary>The identity already known for <paramref name="pid"/>, without resolving anything.</summary>
    public bool TryGet(int pid, out ServiceIdentity identity)
    {
        identity = identities.TryGetValue(pid, out var known) ? known.Identity : null!;
        return identity is not null;
    }

    /// <summary>An instance accepted a connection on <paramref name="port"/>: a well-known port tells its kind.</summary>
    public void NoteListener(ServiceIdentity identity, int port)
    {
        if (KindInference.OfListenerPort(port) is { } kind)
        {
            listenerKinds.TryAdd(identity.Instance, kind);
        }
    }

    /// <summary>An instance answered requests in a database or cache protocol: that is what it is.</summary>
    public void NoteProtocol(ServiceIdentity identity, ServiceKind kind) => protocolKinds[identity.Instance] = kind;

    /// <summary>
    /// The instance's kind: the mapping file's or the program's, else the protocol it answers in, else its listener's
    /// port's, else a plain service.
    /// </summary>
    public ServiceKind KindOf(ServiceIdentity identity) =>
        identity.Kind ?? (protocolKinds.TryGetValue(identity.Instance, out var spoken) ? spoken :
            listenerKinds.TryGetValue(identity.Instance, out var kind) ? kind : ServiceKind.Service);

    /// <summary>Forgets pids outside <paramref name="live"/>, and the kinds learnt of instances none of the rest belongs to.</summary>
    public void Retain(IReadOnlySet<int> live)
    {
        foreach (var pid in identities.Keys.Where(p => !live.Contains(p)).ToArray())
        {
            identities.Remove(pid);
        }

        var instances = identities.Values.Select(i => i.Identity.Instance).ToHashSet(StringComparer.Ordinal);
        foreach (var instance in listenerKinds.Keys.Concat(protocolKinds.Keys).Where(i => !instances.Contains(i)).ToArray())
        {
            listenerKinds.Remove(instance);
            protocolKinds.Remove(instance);
        }
    }
}
