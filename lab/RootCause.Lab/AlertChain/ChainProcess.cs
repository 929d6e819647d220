using System.Diagnostics;
using System.Globalization;

namespace RootCause.Lab.AlertChain;

/// <summary>
/// One server of the alert chain (Prometheus or Alertmanager) run on the host: started with its output in its own
/// log, its pid recorded in a file of the work folder, readiness waited for with a bound, stopped by that pid with
/// SIGTERM then SIGKILL. Disposing is stopping, once.
/// </summary>
internal sealed class ChainProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly Process _process;
    private readonly TimeSpan _stopTimeout;
    private int _stopped;

    private ChainProcess(string name, Process process, string logPath, string pidPath, TimeSpan stopTimeout)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
        PidPath = pidPath;
        _stopTimeout = stopTimeout;
        Pid = process.Id;
    }

    public string Name { get; }

    public int Pid { get; }

    public string LogPath { get; }

    public string PidPath { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="program"/> with its output appended to <c>{name}.log</c> and its pid in <c>{name}.pid</c>
    /// in <paramref name="workDirectory"/>.
    /// </summary>
    public static async Task<ChainProcess> StartAsync(string name, string program, IReadOnlyList<string> arguments, string workDirectory, TimeSpan stopTimeout, CancellationToken cancellationToken)
    {
        var pidPath = PidFile(workDirectory, name);
        var logPath = Path.Combine(workDirectory, name + ".log");
        var process = MemberLauncher.Start(new MemberCommand(name, program, arguments, Namespace: null, CgroupProcsFiles: [], logPath));
        await File.WriteAllTextAsync(pidPath, process.Id.ToString(CultureInfo.InvariantCulture) + "\n", cancellationToken).ConfigureAwait(false);
        return new ChainProcess(name, process, logPath, pidPath, stopTimeout);
    }

    /// <summary>
    /// Waits until <paramref name="isReady"/> answers true; <see cref="LabException"/> with the tail of the log when the
    /// process exits first or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task WaitUntilReadyAsync(Func<CancellationToken, Task<bool>> isReady, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (await isReady(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (HasExited)
            {
                throw new LabException($"{Name} exited with code {_process.ExitCode} before {what}; last lines of {LogPath}:{Environment.NewLine}{LogTail.Read(LogPath)}");
            }

            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                throw new LabException($"{Name} (pid {Pid}) did not get {what} within {timeout.TotalSeconds:0.#} s; last lines of {LogPath}:{Environment.NewLine}{LogTail.Read(LogPath)}");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>SIGTERM, then SIGKILL after the stop timeout; removes the pid file. Idempotent.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                await ProcessRunner.SignalAsync(Pid, "TERM", cancellationToken).ConfigureAwait(false);
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(_stopTimeout);
                try
                {
                    await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Kill(_process);
                    await _process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
                }
            }

            // A later start in the same folder may have written its own pid here since (it stopped this process first).
            if (File.Exists(PidPath) && (await File.ReadAllTextAsync(PidPath, cancellationToken).ConfigureAwait(false)).Trim() == Pid.ToString(CultureInfo.InvariantCulture))
            {
                File.Delete(PidPath);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    /// <summary>
    /// Stops what a crashed earlier run left behind under <c>{name}.pid</c> in the work folder, so its port and data
    /// folder are free: the process the pid file names, if it is still the program it was (its command line names the
    /// program and the folder), so a reused pid of an unrelated process is never signalled.
    /// </summary>
    public static async Task StopLeftoverAsync(string name, string program, string workDirectory, TimeSpan stopTimeout, CancellationToken cancellationToken)
    {
        var pidPath = PidFile(workDirectory, name);
        if (!File.Exists(pidPath))
        {
            return;
        }

        var text = (await File.ReadAllTextAsync(pidPath, cancellationToken).ConfigureAwait(false)).Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsOurs(pid, program, workDirectory))
        {
            await ProcessRunner.SignalAsync(pid, "TERM", cancellationToken).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            while (Directory.Exists($"/proc/{pid}") && Stopwatch.GetElapsedTime(started) < stopTimeout)
            {
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }

            if (Directory.Exists($"/proc/{pid}"))
            {
                await ProcessRunner.SignalAsync(pid, "KILL", cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < 25 && Directory.Exists($"/proc/{pid}"); i++)
                {
                    await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        File.Delete(pidPath);
    }

    private static string PidFile(string workDirectory, string name) => Path.Combine(workDirectory, name + ".pid");

    private static bool IsOurs(int pid, string program, string workDirectory)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return commandLine.Contains(Path.GetFileName(program), StringComparison.Ordinal) && commandLine.Contains(workDirectory, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }
}
