using System.Diagnostics;

namespace RootCause.Lab;

/// <summary>
/// Keeps one member's process running as a kubelet would: a process that exits by itself (an OOM kill, a crash)
/// is started again after a back-off that doubles up to a maximum, and the restarts are counted. A fault may hold
/// it down (service_down) until released; <see cref="StopAsync"/> stops it for good.
/// </summary>
internal sealed class SupervisedProcess : IAsyncDisposable
{
    private readonly Func<Process> start;
    private readonly SupervisionPolicy policy;
    private readonly TimeProvider time;
    private readonly IProgress<string>? progress;
    private readonly Lock gate = new();
    private readonly List<ProcessExit> exits = [];
    private TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? current;
    private Task? loop;
    private bool held;
    private bool stopped;
    private int restarts;

    public SupervisedProcess(string name, Func<Process> start, SupervisionPolicy policy, TimeProvider time, IProgress<string>? progress)
    {
        Name = name;
        this.start = start;
        this.policy = policy;
        this.time = time;
        this.progress = progress;
    }

    public string Name { get; }

    public int Restarts => Volatile.Read(ref restarts);

    public int? Pid
    {
        get
        {
            lock (gate)
            {
                return current is { HasExited: false } process ? process.Id : null;
            }
        }
    }

    public bool IsHeld
    {
        get
        {
            lock (gate)
            {
                return held;
            }
        }
    }

    public IReadOnlyList<ProcessExit> Exits
    {
        get
        {
            lock (gate)
            {
                return [.. exits];
            }
        }
    }

    /// <summary>Starts the first process now (so a failure to start is thrown here), then supervises it.</summary>
    public void Start()
    {
        lock (gate)
        {
            if (loop is not null || stopped)
            {
                throw new InvalidOperationException($"{Name} was already started");
            }

            current = start();
            loop = Task.Run(SuperviseAsync);
        }
    }

    /// <summary>Stops the process and keeps it down until <see cref="Release"/>.</summary>
    public async Task HoldAsync(CancellationToken cancellationToken)
    {
        Process? process;
        lock (gate)
        {
            held = true;
            process = current;
            Wake();
        }

        if (process is not null)
        {
            await StopProcessAsync(process, cancellationToken);
        }
    }

    /// <summary>Lets a held process start again now, with no back-off.</summary>
    public void Release()
    {
        lock (gate)
        {
            held = false;
            Wake();
        }
    }

    /// <summary>Stops the process for good and ends the supervision; idempotent.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Process? process;
        Task? supervision;
        lock (gate)
        {
            stopped = true;
            process = current;
            supervision = loop;
            Wake();
        }

        if (process is not null)
        {
            await StopProcessAsync(process, cancellationToken);
        }

        if (supervision is not null)
        {
            await supervision.WaitAsync(policy.StopTimeout + TimeSpan.FromSeconds(5), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task SuperviseAsync()
    {
        var backOff = policy.InitialBackOff;
        while (true)
        {
            Process? process;
            Task woken;
            bool isStopped, isHeld;
            lock (gate)
            {
                process = current;
                woken = wake.Task;
                isStopped = stopped;
                isHeld = held;
            }

            if (process is null)
            {
                if (isStopped)
                {
                    return;
                }

                if (isHeld)
                {
                    await woken;
                }
                else if (!TryStart(backOff))
                {
                    await DelayOrWakeAsync(backOff);
                    backOff = Next(backOff);
                }

                continue;
            }

            var startedAt = time.GetTimestamp();
            await process.WaitForExitAsync();
            var code = process.ExitCode;
            bool requested;
            lock (gate)
            {
                requested = stopped || held;
                exits.Add(new ProcessExit(time.GetUtcNow(), code, requested));
                current = null;
            }

            if (requested)
            {
                continue;
            }

            if (time.GetElapsedTime(startedAt) >= policy.StableAfter)
            {
                backOff = policy.InitialBackOff;
            }

            var count = Interlocked.Increment(ref restarts);
            progress?.Report($"{Name} exited with code {code}{(code == 137 ? " (SIGKILL, e.g. the OOM killer)" : string.Empty)}; restart {count} in {backOff.TotalSeconds:0.#} s");
            await DelayOrWakeAsync(backOff);
            backOff = Next(backOff);
        }
    }

    /// <summary>Starts a new process unless stopped or held meanwhile; false when the start failed.</summary>
    private bool TryStart(TimeSpan backOff)
    {
        lock (gate)
        {
            if (stopped || held)
            {
                return true;
            }

            try
            {
                current = start();
                return true;
            }
            catch (LabException e)
            {
                progress?.Report($"{Name} could not be started again ({e.Message}); next try in {backOff.TotalSeconds:0.#} s");
                return false;
            }
        }
    }

    private async Task DelayOrWakeAsync(TimeSpan delay)
    {
        Task woken;
        lock (gate)
        {
            woken = wake.Task;
        }

        using var cancel = new CancellationTokenSource();
        await Task.WhenAny(Task.Delay(delay, time, cancel.Token), woken);
        await cancel.CancelAsync();
    }

    private TimeSpan Next(TimeSpan backOff) => TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, policy.MaximumBackOff.Ticks));

    private void Wake()
    {
        var old = wake;
        wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }

    private async Task StopProcessAsync(Process process, CancellationToken cancellationToken)
    {
        int pid;
        try
        {
            if (process.HasExited)
            {
                return;
            }

            pid = process.Id;
        }
        catch (InvalidOperationException)
        {
            return;
        }

        await ProcessRunner.SignalAsync(pid, policy.StopSignal, cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(policy.StopTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }

            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
    }
}
