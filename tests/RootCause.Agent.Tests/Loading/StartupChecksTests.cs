using RootCause.Agent.Loading;

namespace RootCause.Agent.Tests.Loading;

public sealed class StartupChecksTests
{
    private const ulong AllCapabilities = 0x000001ffffffffff;
    private static readonly SystemFacts Good = new(0, AllCapabilities, "6.18.44-fc", HasBtf: true, "/sys/kernel/tracing/events", null);

    [Fact]
    public void A_fully_equipped_machine_passes() => Assert.True(StartupChecks.Check(Good).CanRun);

    [Fact]
    public void A_user_without_capabilities_is_told_which_ones_and_why()
    {
        var report = StartupChecks.Check(Good with { EffectiveUid = 1000, EffectiveCapabilities = 0 });
        var error = Assert.Single(report.Errors);
        Assert.StartsWith("Not running as root", error, StringComparison.Ordinal);
        foreach (var name in new[] { "CAP_BPF", "CAP_PERFMON", "CAP_NET_ADMIN", "CAP_SYS_RESOURCE", "CAP_SYS_PTRACE" })
        {
            Assert.Contains(name, error, StringComparison.Ordinal);
        }

        Assert.Equal(2, report.Warnings.Count);
    }

    [Fact]
    public void Sys_admin_stands_in_for_bpf_and_perfmon_on_older_kernels()
    {
        var capabilities = (1UL << 21) | (1UL << 12) | (1UL << 24) | (1UL << 19);
        Assert.True(StartupChecks.Check(Good with { EffectiveCapabilities = capabilities }).CanRun);
    }

    [Fact]
    public void Missing_btf_old_kernel_and_unmounted_tracefs_are_each_explained()
    {
        var report = StartupChecks.Check(Good with { KernelRelease = "5.4.0-150-generic", HasBtf = false, TracefsEvents = null, TracefsMountError = "EPERM, operation not permitted" });
        Assert.Equal(3, report.Errors.Count);
        Assert.Contains(report.Errors, e => e.Contains("5.4", StringComparison.Ordinal) && e.Contains("5.11", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Contains("/sys/kernel/btf/vmlinux", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Contains("mount -t tracefs", StringComparison.Ordinal) && e.Contains("EPERM", StringComparison.Ordinal));
    }

    [Fact]
    public void CapEff_is_read_from_proc_status() =>
        Assert.Equal(0x1fffeffffffUL, SystemFacts.ParseCapEff("Name:\tx\nCapPrm:\t0\nCapEff:\t000001fffeffffff\n"));
}
