using System.Diagnostics;

namespace RootCause.Lab;

/// <summary>
/// Starts a member's process inside its cgroups from its first instruction and inside its network namespace: a
/// tiny sh writes its own pid into each cgroup.procs, then execs `ip netns exec` (which execs the program), so the
/// pid the lab holds is the program's and every child it forks (PostgreSQL's backends) inherits the cgroups.
/// </summary>
internal static class MemberLauncher
{
    /// <summary>Exit code of the wrapper when it cannot join a cgroup (the log says which).</summary>
    public const int CgroupJoinFailed = 97;

    // $1 namespace ("" for the host's), $2 log file, $3 space-separated cgroup.procs files, then the command.
    private const string Script =
        "exec >>\"$2\" 2>&1 </dev/null\n" +
        "for f in $3; do echo $$ > \"$f\" || { echo \"rclab: cannot join cgroup $f\"; exit 97; }; done\n" +
        "ns=$1; shift 3\n" +
        "if [ -n \"$ns\" ]; then exec ip netns exec \"$ns\" \"$@\"; else exec \"$@\"; fi\n";

    public static Process Start(MemberCommand command)
    {
        var arguments = new List<string> { "-c", Script, "rclab-start", command.Namespace ?? string.Empty, command.LogPath, string.Join(' ', command.CgroupProcsFiles) };
        if (command.User is { } user)
        {
            arguments.AddRange(["setpriv", $"--reuid={user}", $"--regid={user}", "--init-groups", "--"]);
        }

        arguments.Add(command.FileName);
        arguments.AddRange(command.Arguments);
        return ProcessRunner.Start("/bin/sh", arguments, command.Environment);
    }
}
