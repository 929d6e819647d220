using System.Diagnostics;
using System.Globalization;
using RootCause.Lab.Runs;

namespace RootCause.Lab;

/// <summary>
/// cpu_saturation of one service: its cgroup's CPU quota is lowered and a busy loop runs inside the same cgroup (and
/// namespace), so the service's threads are throttled behind it. Removing it kills the loop and restores the quota.
/// </summary>
internal sealed class CpuSaturationFault : LabFault
{
    private readonly LabMember target;
    private readonly MemberCgroup cgroup;
    private readonly double cpus;
    private readonly string logPath;
    private CpuQuota? saved;
    private Process? busyLoop;

    public CpuSaturationFault(LabMember target, MemberCgroup cgroup, double cpus, string logPath, TimeProvider time)
        : base(LabFaultCatalog.CpuSaturation, target.Name, ExpectedEntity.OfService(target.Name), time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cpus);
        this.target = target;
        this.cgroup = cgroup;
        this.cpus = cpus;
        this.logPath = logPath;
    }

    public override string Description =>
        $"{target.Name}'s cgroup limited to {cpus.ToString("0.##", CultureInfo.InvariantCulture)} CPU with a busy loop inside it";

    /// <summary>The busy loop's pid while applied.</summary>
    public int? BusyLoopPid => busyLoop is { HasExited: false } process ? process.Id : null;

    private protected override async Task ApplyCoreAsync(CancellationToken cancellationToken)
    {
        var current = cgroup.GetCpuQuota();
        saved = current;
        cgroup.SetCpuQuota(new CpuQuota((long)Math.Round(cpus * current.PeriodMicroseconds), current.PeriodMicroseconds));
        busyLoop = MemberLauncher.Start(new MemberCommand(
            $"{Name} busy loop", "/bin/sh", ["-c", "while :; do :; done"], target.Namespace, cgroup.ProcsFiles, logPath));

        // Bounded: the loop joins the cgroup before its first instruction of work, or the wrapper exits.
        var started = TimeProvider.System.GetTimestamp();
        while (!cgroup.ProcessIds().Contains(busyLoop.Id))
        {
            if (busyLoop.HasExited || TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(5))
            {
                throw new LabException($"the busy loop did not run in {target.Name}'s cgroup; last lines of {logPath}:{Environment.NewLine}{LogTail.Read(logPath)}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private protected override async Task RemoveCoreAsync(CancellationToken cancellationToken)
    {
        if (busyLoop is { } process)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Gone already.
            }

            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            process.Dispose();
            busyLoop = null;
        }

        if (saved is { } quota)
        {
            cgroup.SetCpuQuota(quota);
            saved = null;
        }
    }
}
