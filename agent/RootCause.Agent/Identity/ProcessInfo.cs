namespace RootCause.Agent.Identity;

/// <summary>What is known about a process: its name from the kernel event, and /proc details when it still existed.</summary>
/// <param name="Comm">Thread-group leader's comm as the kernel saw it (kept even after the process exited).</param>
/// <param name="CommandLine">argv from /proc/&lt;pid&gt;/cmdline; empty when the process was gone.</param>
/// <param name="CgroupPath">The process's cgroup path (v2 or the v1 memory/cpu hierarchy); null when unknown.</param>
/// <param name="Cgroups">Its cgroup in each hierarchy resources are read from; null when unknown.</param>
internal sealed record ProcessInfo(int Pid, string Comm, IReadOnlyList<string> CommandLine, string? CgroupPath, CgroupMembership? Cgroups = null);
