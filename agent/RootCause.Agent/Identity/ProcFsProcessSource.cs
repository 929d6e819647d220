namespace RootCause.Agent.Identity;

/// <summary>Reads /proc/&lt;pid&gt;/cmdline and cgroup. A process that already exited keeps only its kernel comm.</summary>
internal sealed class ProcFsProcessSource : IProcessSource
{
    private readonly string procRoot;

    public ProcFsProcessSource(string procRoot = "/proc")
    {
        this.procRoot = procRoot;
    }

    public ProcessInfo Describe(int pid, string comm)
    {
        IReadOnlyList<string> commandLine = [];
        string? cgroup = null;
        CgroupMembership? cgroups = null;
        try
        {
            var raw = File.ReadAllText(Path.Combine(procRoot, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "cmdline"));
            commandLine = raw.Split('\0', StringSplitOptions.RemoveEmptyEntries);
            var lines = File.ReadAllLines(Path.Combine(procRoot, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "cgroup"));
            cgroup = CgroupPath.Choose(lines);
            cgroups = CgroupMembership.Parse(lines);
        }
        catch (IOException)
        {
            // Gone already (short-lived client): the comm from the kernel event is all there is.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return new ProcessInfo(pid, comm, commandLine, cgroup, cgroups);
    }
}
