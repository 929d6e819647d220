using System.Globalization;
using RootCause.Lab.Runs;

namespace RootCause.Lab;

/// <summary>
/// memory_pressure on one service: its cgroup's memory limit is set a little above what it uses now and its leak
/// switch is turned on, so it grows until the kernel OOM-kills it; the lab's supervisor starts it again (under the
/// same limit and leak, as a crash-looping pod). Removing it turns the leak off and restores the limit.
/// </summary>
internal sealed class MemoryPressureFault : LabFault
{
    private const long Megabyte = 1024 * 1024;

    private readonly LabMember target;
    private readonly MemberCgroup cgroup;
    private readonly ServiceControlFile control;
    private readonly int headroomMb;
    private readonly double leakMbPerSecond;
    private bool saved;
    private long? savedLimit;

    public MemoryPressureFault(LabMember target, MemberCgroup cgroup, ServiceControlFile control, int headroomMb, double leakMbPerSecond, TimeProvider time)
        : base(LabFaultCatalog.MemoryPressure, target.Name, ExpectedEntity.OfService(target.Name), time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(headroomMb);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leakMbPerSecond);
        this.target = target;
        this.cgroup = cgroup;
        this.control = control;
        this.headroomMb = headroomMb;
        this.leakMbPerSecond = leakMbPerSecond;
    }

    /// <summary>The limit set when applied, in bytes.</summary>
    public long? Limit { get; private set; }

    /// <summary>The cgroup's OOM kill count when it was applied.</summary>
    public long OomKillsBefore { get; private set; }

    public override string Description =>
        $"{target.Name}'s cgroup limited to {(Limit ?? 0) / Megabyte} MB ({headroomMb} MB above its usage) while it leaks {leakMbPerSecond.ToString("0.#", CultureInfo.InvariantCulture)} MB/s";

    private protected override Task ApplyCoreAsync(CancellationToken cancellationToken)
    {
        savedLimit = cgroup.GetMemoryLimit();
        saved = true;
        OomKillsBefore = cgroup.OomKills();
        Limit = cgroup.MemoryUsage() + (headroomMb * Megabyte);
        cgroup.SetMemoryLimit(Limit);
        control.Update(s => s with { LeakMbPerSecond = leakMbPerSecond });
        return Task.CompletedTask;
    }

    private protected override Task RemoveCoreAsync(CancellationToken cancellationToken)
    {
        control.Update(s => s with { LeakMbPerSecond = 0 });
        if (saved)
        {
            cgroup.SetMemoryLimit(savedLimit);
            saved = false;
        }

        return Task.CompletedTask;
    }
}
