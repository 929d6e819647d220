namespace RootCause.Lab;

/// <summary>What the lab's supervisor knows about one member's process.</summary>
/// <param name="Pid">The running process; null while it is down (back-off, held by service_down).</param>
/// <param name="IsHeld">A fault keeps it down on purpose.</param>
/// <param name="Restarts">How often it died by itself and was started again.</param>
/// <param name="OomKills">The kernel's OOM kills in the member's cgroup.</param>
/// <param name="LastExit">Its last exit, if any.</param>
public sealed record LabProcessStatus(string Member, int? Pid, bool IsHeld, int Restarts, long OomKills, ProcessExit? LastExit)
{
    public bool IsRunning => Pid is not null;
}
