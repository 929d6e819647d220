using Xunit.Abstractions;

namespace RootCause.Lab.Tests.Infrastructure;

[Collection(OneLabAtATime.Name)]
public sealed class CgroupFaultTests(ITestOutputHelper output)
{
    /// <summary>A stand-in for a service's leak switch: reads the control file and keeps leakMbPerSecond of touched memory per second.</summary>
    private const string Leaker = """
        import json, sys, time
        hog = []
        while True:
            try:
                with open(sys.argv[1]) as f:
                    rate = float(json.load(f).get("leakMbPerSecond", 0))
            except Exception:
                rate = 0
            if rate > 0:
                hog.append(bytearray(b"\x01") * int(rate * 1024 * 1024 / 4))
            time.sleep(0.25)
        """;

    [LabHostFact]
    public async Task Cpu_saturation_holds_the_cgroup_to_its_lowered_quota_with_a_busy_loop_and_restores_it()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = await LabHost.StartNetworkAsync(work);
        try
        {
            var cgroup = lab.Cgroups.Member("payment");
            var before = cgroup.GetCpuQuota();
            var fault = new CpuSaturationFault(LabLayout.Payment, cgroup, 0.2, Path.Combine(work, "busy.log"), TimeProvider.System);

            await fault.ApplyAsync(CancellationToken.None);
            var loop = fault.BusyLoopPid;
            var during = cgroup.GetCpuQuota();
            var usage = cgroup.CpuUsage();
            var throttled = cgroup.ThrottledPeriods();
            await Task.Delay(2000);
            var used = cgroup.CpuUsage() - usage;
            var throttledMore = cgroup.ThrottledPeriods() - throttled;
            await fault.RemoveAsync(CancellationToken.None);
            output.WriteLine($"quota {during}; the busy loop used {used.TotalSeconds:0.000} s of CPU in 2 s, throttled in {throttledMore} periods");

            Assert.Null(before.QuotaMicroseconds);
            Assert.Equal(new CpuQuota(20_000, 100_000), during);
            Assert.NotNull(loop);
            Assert.InRange(used.TotalSeconds, 0.25, 0.6);
            Assert.True(throttledMore >= 10, $"throttled in {throttledMore} periods");
            Assert.Equal(before, cgroup.GetCpuQuota());
            Assert.DoesNotContain(loop!.Value, cgroup.ProcessIds());
            Assert.Null(fault.BusyLoopPid);
        }
        finally
        {
            Assert.Empty(await lab.StopAsync());
            Directory.Delete(work, recursive: true);
        }
    }

    [LabHostFact]
    public async Task Memory_pressure_gets_the_target_oom_killed_and_restarted_and_removing_it_restores_the_limit_and_the_switch()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = await LabHost.StartNetworkAsync(work);
        try
        {
            var cgroup = lab.Cgroups.Member("payment");
            var control = new ServiceControlFile(Path.Combine(work, "control.json"));
            control.Write(ServiceSwitches.Off);
            var policy = SupervisionPolicy.Default with { InitialBackOff = TimeSpan.FromMilliseconds(200) };
            var lines = new List<string>();
            await using var process = new SupervisedProcess(
                "payment",
                () => MemberLauncher.Start(new MemberCommand("payment", "python3", ["-c", Leaker, control.Path], LabLayout.Payment.Namespace, cgroup.ProcsFiles, Path.Combine(work, "leaker.log"))),
                policy,
                TimeProvider.System,
                new SynchronousProgress(lines.Add));
            process.Start();
            await Task.Delay(500);
            var fault = new MemoryPressureFault(LabLayout.Payment, cgroup, control, 32, 32, TimeProvider.System);

            var applied = TimeProvider.System.GetTimestamp();
            await fault.ApplyAsync(CancellationToken.None);
            var limit = cgroup.GetMemoryLimit();
            while (process.Restarts == 0 && TimeProvider.System.GetElapsedTime(applied) < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }

            var firstKill = TimeProvider.System.GetElapsedTime(applied);
            var oomKills = cgroup.OomKills() - fault.OomKillsBefore;
            await fault.RemoveAsync(CancellationToken.None);
            output.WriteLine($"limit {limit / (1024 * 1024)} MB; first OOM kill and restart after {firstKill.TotalSeconds:0.0} s; {string.Join(" | ", lines)}");

            Assert.Equal(fault.Limit, limit);
            Assert.True(oomKills >= 1, $"{oomKills} OOM kills");
            Assert.True(process.Restarts >= 1);
            Assert.Contains(process.Exits, e => e is { ExitCode: 137, Requested: false });
            Assert.Contains(lines, l => l.StartsWith("payment exited with code 137 (SIGKILL, e.g. the OOM killer); restart 1", StringComparison.Ordinal));
            Assert.Null(cgroup.GetMemoryLimit());
            Assert.Equal(ServiceSwitches.Off, control.Current);
            Assert.Contains("\"leakMbPerSecond\":0", await File.ReadAllTextAsync(control.Path), StringComparison.Ordinal);

            // Without the limit the restarted stand-in stays up.
            var restarts = process.Restarts;
            await Task.Delay(1500);
            Assert.NotNull(process.Pid);
            Assert.Equal(restarts, process.Restarts);
        }
        finally
        {
            Assert.Empty(await lab.StopAsync());
            Directory.Delete(work, recursive: true);
        }
    }

    [LabHostFact]
    public async Task Service_down_refuses_connections_while_applied_and_removing_it_brings_the_service_back()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = await LabHost.StartNetworkAsync(work);
        try
        {
            var command = LabHost.HttpServerCommand(lab, LabLayout.Payment, work);
            await using var process = new SupervisedProcess("payment", () => MemberLauncher.Start(command), SupervisionPolicy.Default, TimeProvider.System, null);
            process.Start();
            await PortProbe.WaitAsync("payment", LabLayout.Payment.EndPoint, TimeSpan.FromSeconds(20), () => true, command.LogPath, CancellationToken.None);
            var fault = new ServiceDownFault(LabLayout.Payment, process, TimeSpan.FromSeconds(20), command.LogPath, TimeProvider.System);

            await fault.ApplyAsync(CancellationToken.None);
            var during = await LabHost.ProbeAsync(LabLayout.Checkout, $"{LabLayout.Payment.BaseUrl}/", 3, 1);
            await Task.Delay(1500);
            var stillDown = process.Pid is null;
            var removing = TimeProvider.System.GetTimestamp();
            await fault.RemoveAsync(CancellationToken.None);
            output.WriteLine($"answering again {TimeProvider.System.GetElapsedTime(removing).TotalSeconds:0.00} s after remove; while down: {during}");
            var after = await LabHost.ProbeAsync(LabLayout.Checkout, $"{LabLayout.Payment.BaseUrl}/", 3, 1);

            Assert.Equal(0, during.Ok);
            Assert.True(during.MaxSeconds < 0.5, $"refused at once, not timed out: {during}");
            Assert.True(stillDown);
            Assert.Equal(3, after.Ok);
            Assert.Equal(0, process.Restarts);
        }
        finally
        {
            Assert.Empty(await lab.StopAsync());
            Directory.Delete(work, recursive: true);
        }
    }
}
