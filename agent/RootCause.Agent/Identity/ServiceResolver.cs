namespace RootCause.Agent.Identity;

/// <summary>
/// pid → process → cgroup → container → service. Rules in order, first match wins: the operator's mapping
/// file (an explicit statement beats inference), Kubernetes (pod from the cgroup's pod UID), container id,
/// then the process name, which always matches and so comes last.
/// </summary>
internal sealed class ServiceResolver
{
    private static readonly HashSet<string> Runtimes = new(StringComparer.Ordinal)
    {
        "dotnet", "java", "python", "python3", "node", "ruby", "perl", "php", "bash", "sh", "bun", "deno",
    };

    private readonly ServiceMapping mapping;
    private readonly IPodDirectory pods;
    private readonly string node;

    public ServiceResolver(string node, ServiceMapping mapping, IPodDirectory pods)
    {
        this.node = node;
        this.mapping = mapping;
        this.pods = pods;
    }

    /// <summary>Changes when a new pod list arrived: identities that missed their pod may resolve now.</summary>
    public int PodsVersion => pods.Version;

    /// <summary>
    /// Names the process. Instance ids are stable across restarts and pids: "service@node" for the mapping and
    /// process rules (all processes of a service on a node are one instance; short-lived clients such as curl
    /// fold into one instance per command and node), "name@node:container12" for containers, "namespace/pod" for pods.
    /// </summary>
    public ServiceIdentity Resolve(ProcessInfo process)
    {
        var rule = mapping.Match(process);
        if (rule is not null)
        {
            return new ServiceIdentity(
                rule.Service, NodeInstance(rule.Service), "mapping", rule.Kind ?? KindInference.OfProcess(process),
                rule.Key == "cgroup" ? CgroupOf(process) : null);
        }

        var podUid = CgroupPath.PodUid(process.CgroupPath);
        if (podUid is not null && pods.TryFind(podUid, out var pod))
        {
            // The pod's cgroup, not the container's: it holds every container of the pod, sidecars included.
            return new ServiceIdentity(
                pod.Service, pod.Namespace + "/" + pod.Name, "kubernetes", KindInference.OfProcess(process), CgroupOf(process)?.Map(CgroupPath.PodDirectory));
        }

        var containerId = CgroupPath.ContainerId(process.CgroupPath);
        if (containerId is not null)
        {
            var name = ProcessName(process);
            return new ServiceIdentity(name, name + "@" + node + ":" + containerId[..12], "container", KindInference.OfProcess(process), CgroupOf(process));
        }

        var service = ProcessName(process);
        return new ServiceIdentity(service, NodeInstance(service), "process", KindInference.OfProcess(process));
    }

    /// <summary>The process name; for language runtimes the program they run (app.dll, app.jar, app.py).</summary>
    public static string ProcessName(ProcessInfo process)
    {
        var comm = process.Comm.Length > 0 ? process.Comm : "pid-" + process.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!Runtimes.Contains(comm) || process.CommandLine.Count < 2)
        {
            return comm;
        }

        var args = process.CommandLine;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-jar" && i + 1 < args.Count)
            {
                return Stem(args[i + 1]);
            }

            if (arg is "-m" && i + 1 < args.Count)
            {
                // python -m http.server, python -m gunicorn …: the module is the program.
                return args[i + 1];
            }

            if (arg.EndsWith(".dll", StringComparison.Ordinal) || arg.EndsWith(".jar", StringComparison.Ordinal) ||
                arg.EndsWith(".py", StringComparison.Ordinal) || arg.EndsWith(".js", StringComparison.Ordinal) ||
                arg.EndsWith(".rb", StringComparison.Ordinal))
            {
                return Stem(arg);
            }
        }

        return comm;
    }

    private string NodeInstance(string service) => service + "@" + node;

    /// <summary>The process's cgroup, unless that is the root (the whole machine).</summary>
    private static CgroupMembership? CgroupOf(ProcessInfo process) => process.Cgroups is { IsRoot: false } cgroups ? cgroups : null;

    private static string Stem(string path) => Path.GetFileNameWithoutExtension(path);
}
