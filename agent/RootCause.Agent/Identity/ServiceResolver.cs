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

    public ServiceIdentity Resolve(ProcessInfo process)
    {
        var mapped = mapping.Match(process);
        if (mapped is not null)
        {
            return new ServiceIdentity(mapped, ProcessInstance(mapped, process.Pid), "mapping");
        }

        var podUid = CgroupPath.PodUid(process.CgroupPath);
        if (podUid is not null && pods.TryFind(podUid, out var pod))
        {
            return new ServiceIdentity(pod.Service, pod.Namespace + "/" + pod.Name, "kubernetes");
        }

        var containerId = CgroupPath.ContainerId(process.CgroupPath);
        if (containerId is not null)
        {
            var name = ProcessName(process);
            return new ServiceIdentity(name, name + "@" + node + ":" + containerId[..12], "container");
        }

        var service = ProcessName(process);
        return new ServiceIdentity(service, ProcessInstance(service, process.Pid), "process");
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

    private string ProcessInstance(string service, int pid) =>
        service + "@" + node + ":" + pid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Stem(string path) => Path.GetFileNameWithoutExtension(path);
}
