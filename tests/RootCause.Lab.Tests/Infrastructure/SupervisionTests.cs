using System.Net;

namespace RootCause.Lab.Tests.Infrastructure;

public sealed class SupervisionTests
{
    private static readonly SupervisionPolicy Fast = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(20), "TERM", TimeSpan.FromSeconds(2));

    [Fact]
    public async Task A_process_that_exits_by_itself_is_restarted_after_a_back_off_and_each_restart_is_counted()
    {
        var log = Path.GetTempFileName();
        var lines = new List<string>();
        await using var process = new SupervisedProcess(
            "crasher",
            () => MemberLauncher.Start(new MemberCommand("crasher", "/bin/sh", ["-c", "echo started; sleep 0.1; exit 3"], null, [], log)),
            Fast,
            TimeProvider.System,
            new SynchronousProgress(lines.Add));
        process.Start();

        await WaitUntil(() => process.Restarts >= 3, TimeSpan.FromSeconds(10));
        await process.StopAsync(CancellationToken.None);

        Assert.All(process.Exits.Take(3), e => Assert.Equal(new ProcessExit(e.At, 3, false), e));
        Assert.Contains("crasher exited with code 3; restart 1 in 0.1 s", lines);
        Assert.Contains("crasher exited with code 3; restart 2 in 0.2 s", lines);
        Assert.True(File.ReadAllLines(log).Count(l => l == "started") >= 3);
        File.Delete(log);
    }

    [Fact]
    public async Task A_held_process_stays_down_until_released_and_stopping_is_not_a_restart()
    {
        var log = Path.GetTempFileName();
        await using var process = new SupervisedProcess(
            "sleeper",
            () => MemberLauncher.Start(new MemberCommand("sleeper", "sleep", ["600"], null, [], log)),
            Fast,
            TimeProvider.System,
            null);
        process.Start();
        var first = process.Pid;
        Assert.NotNull(first);

        await process.HoldAsync(CancellationToken.None);
        await Task.Delay(600);
        Assert.Null(process.Pid);
        Assert.True(process.IsHeld);

        process.Release();
        await WaitUntil(() => process.Pid is not null, TimeSpan.FromSeconds(5));
        Assert.NotEqual(first, process.Pid);

        await process.StopAsync(CancellationToken.None);
        Assert.Null(process.Pid);
        Assert.Equal(0, process.Restarts);
        Assert.All(process.Exits, e => Assert.True(e.Requested));
        Assert.Equal(2, process.Exits.Count);
        File.Delete(log);
    }

    [Fact]
    public async Task A_process_that_ignores_the_stop_signal_is_killed_after_the_stop_timeout()
    {
        var log = Path.GetTempFileName();
        await using var process = new SupervisedProcess(
            "stubborn",
            () => MemberLauncher.Start(new MemberCommand("stubborn", "/bin/sh", ["-c", "trap '' TERM; while :; do sleep 0.05; done"], null, [], log)),
            Fast with { StopTimeout = TimeSpan.FromMilliseconds(500) },
            TimeProvider.System,
            null);
        process.Start();
        await Task.Delay(200);

        var stopping = TimeProvider.System.GetTimestamp();
        await process.StopAsync(CancellationToken.None);

        Assert.InRange(TimeProvider.System.GetElapsedTime(stopping).TotalSeconds, 0.4, 5);
        Assert.Equal(137, process.Exits.Single().ExitCode);
        File.Delete(log);
    }

    [Fact]
    public async Task A_server_that_exits_before_answering_fails_the_wait_with_its_log_tail()
    {
        var log = Path.GetTempFileName();
        await File.WriteAllTextAsync(log, "FATAL: could not bind to 10.231.0.99:1\n");

        var error = await Assert.ThrowsAsync<LabException>(() => PortProbe.WaitAsync(
            "db", new IPEndPoint(IPAddress.Loopback, 1), TimeSpan.FromSeconds(10), () => false, log, CancellationToken.None));

        Assert.Contains("db exited before answering on 127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("  | FATAL: could not bind to 10.231.0.99:1", error.Message, StringComparison.Ordinal);
        File.Delete(log);
    }

    [Fact]
    public async Task A_command_that_does_not_finish_in_time_is_killed_and_named_with_its_stderr()
    {
        var error = await Assert.ThrowsAsync<LabCommandException>(() => ProcessRunner.RunCheckedAsync(
            "/bin/sh", ["-c", "echo half-way >&2; sleep 30"], CancellationToken.None, TimeSpan.FromMilliseconds(500)));

        Assert.Null(error.ExitCode);
        Assert.StartsWith("`/bin/sh -c 'echo half-way >&2; sleep 30'` did not finish within 0.5 s and was killed: half-way", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_command_names_its_command_line_exit_code_and_stderr()
    {
        var error = await Assert.ThrowsAsync<LabCommandException>(() => ProcessRunner.RunCheckedAsync(
            "/bin/sh", ["-c", "echo 'Error: Unknown device type.' >&2; exit 2"], CancellationToken.None));

        Assert.Equal(2, error.ExitCode);
        Assert.Equal("Error: Unknown device type.", error.StandardError);
        Assert.EndsWith("failed with exit code 2: Error: Unknown device type.", error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition() && TimeProvider.System.GetElapsedTime(started) < timeout)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
