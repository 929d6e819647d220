using System.Diagnostics;

namespace RootCause.Lab;

/// <summary>
/// The live lab on this host: <see cref="StartAsync"/> builds it in order (host firewall, bridge and namespaces,
/// cgroups, PostgreSQL and Redis, the services, the load generator last) and <see cref="StopAsync"/> tears it down in
/// reverse, best effort per step, reporting every failure, and then sweeps any lab object left (also after a start
/// that failed half-way). One lab per host; teardown is idempotent and may be called from a SIGINT handler while a
/// start is still running.
/// </summary>
public sealed class LabEnvironment : IAsyncDisposable
{
    private static readonly Lock LiveGate = new();
    private static readonly HashSet<LabEnvironment> LiveSet = [];
    private static readonly TimeSpan StartExitTimeout = TimeSpan.FromSeconds(20);

    private readonly Lock gate = new();
    private readonly TeardownStack teardown = new();
    private readonly CancellationTokenSource lifetime = new();
    private readonly TaskCompletionSource startExited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, SupervisedProcess> processes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServiceControlFile> controls = new(StringComparer.Ordinal);
    private readonly List<LabFault> faults = [];
    private LabOptions options = new();
    private IProgress<string>? progress;
    private LabCgroups? cgroups;
    private PostgresServer? postgres;
    private LabLock? hostLock;
    private Task<IReadOnlyList<string>>? stopping;
    private string? workDirectory;
    private int state;

    /// <summary>The work folder (cluster, logs, control files, mapping file); <see cref="InvalidOperationException"/> before <see cref="StartAsync"/>.</summary>
    public string WorkDirectory => workDirectory ?? throw new InvalidOperationException("the lab has not been started");

    /// <summary>The agent's mapping file (`rootcause-agent --mapping`), written at start.</summary>
    public string MappingFilePath => Path.Combine(WorkDirectory, "agent-mapping.txt");

    /// <summary>Started and not stopped.</summary>
    public bool IsStarted => Volatile.Read(ref state) == 2;

    /// <summary>Wall time of the last successful start.</summary>
    public TimeSpan StartDuration { get; private set; }

    /// <summary>What went wrong in the last teardown (empty when it was clean).</summary>
    public IReadOnlyList<string> TeardownProblems { get; private set; } = [];

    /// <summary>
    /// Builds the lab. Throws <see cref="InvalidOperationException"/> when called twice, <see cref="ArgumentException"/>
    /// for services without data stores, <see cref="LabException"/>
    /// when the host cannot run it or a step fails (after tearing down what was built; the message names the step,
    /// a server's failure carries its log tail), <see cref="OperationCanceledException"/> when cancelled or stopped
    /// meanwhile (also after tearing down).
    /// </summary>
    public async Task StartAsync(LabOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Interlocked.CompareExchange(ref state, 1, 0) != 0)
        {
            throw new InvalidOperationException("a LabEnvironment is started once");
        }

        this.options = options;
        this.progress = progress;
        if (options.StartServices && !options.StartDataStores)
        {
            startExited.TrySetResult();
            throw new ArgumentException("the services need the data stores (catalog: PostgreSQL, cart: Redis)", nameof(options));
        }

        if (options.StartServices && (options.ServiceAssemblyPath is null || !File.Exists(options.ServiceAssemblyPath)))
        {
            startExited.TrySetResult();
            throw new LabException($"the service assembly {options.ServiceAssemblyPath ?? "(none given)"} does not exist; build lab/RootCause.Lab.Service");
        }

        if (LabPreconditionsProbe.Problem() is { } problem)
        {
            startExited.TrySetResult();
            throw new LabException(problem);
        }

        lock (LiveGate)
        {
            LiveSet.Add(this);
        }

        var started = options.TimeProvider.GetTimestamp();
        var step = "take the lab lock";
        Exception? failure = null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
        var token = linked.Token;
        try
        {
            hostLock = LabLock.Acquire();
            step = Next("remove an earlier run's leftovers", token);
            await RemoveEarlierRunAsync(token);
            step = Next("create the work folder", token);
            CreateWorkDirectory();
            step = Next("open the host firewall to the bridge", token);
            await OpenFirewallAsync(token);
            step = Next("build the network", token);
            await BuildNetworkAsync(token);
            step = Next("create the cgroups", token);
            CreateCgroups();
            if (options.StartDataStores)
            {
                step = Next("start PostgreSQL", token);
                await StartPostgresAsync(token);
                step = Next("start Redis", token);
                await StartRedisAsync(token);
            }

            if (options.StartServices)
            {
                step = Next("start the services", token);
                await StartServicesAsync(token);
                if (options.StartLoad)
                {
                    step = Next("start the load generator", token);
                    StartLoad();
                }
            }

            token.ThrowIfCancellationRequested();
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            startExited.TrySetResult();
        }

        if (failure is null)
        {
            StartDuration = options.TimeProvider.GetElapsedTime(started);
            Interlocked.CompareExchange(ref state, 2, 1);
            progress?.Report($"lab up in {StartDuration.TotalSeconds:0.0} s");
            return;
        }

        var problems = await StopAsync(CancellationToken.None);
        var teardownNote = problems.Count > 0 ? $"{System.Environment.NewLine}teardown problems: {string.Join("; ", problems)}" : string.Empty;
        if (failure is OperationCanceledException)
        {
            throw new OperationCanceledException($"the lab start was cancelled at \"{step}\"{teardownNote}", failure, cancellationToken.IsCancellationRequested ? cancellationToken : lifetime.Token);
        }

        throw new LabException($"the lab did not start ({step}): {failure.Message}{teardownNote}", failure);
    }

    /// <summary>
    /// Tears the lab down: removes applied faults, stops the load, the services and the servers, deletes cgroups,
    /// namespaces, links and firewall rules, then sweeps any lab object left. Idempotent (later calls return the first
    /// call's result); returns every problem, empty when the host is clean. Never throws for a failed step.
    /// </summary>
    public Task<IReadOnlyList<string>> StopAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return stopping ??= StopCoreAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        lifetime.Dispose();
    }

    /// <summary>The supervisor's view of every member process (pid, restarts, OOM kills, last exit).</summary>
    public IReadOnlyList<LabProcessStatus> ProcessStatus()
    {
        KeyValuePair<string, SupervisedProcess>[] snapshot;
        lock (gate)
        {
            snapshot = [.. processes];
        }

        return snapshot.Select(p => new LabProcessStatus(p.Key, p.Value.Pid, p.Value.IsHeld, p.Value.Restarts, OomKills(p.Key), LastExit(p.Value))).ToArray();
    }

    /// <summary>
    /// A fault of the catalogue on one of its targets (null: its first), ready to apply. Throws
    /// <see cref="ArgumentException"/> for an unknown fault or a target it cannot take,
    /// <see cref="InvalidOperationException"/> when the lab is not started or lacks the part the fault needs.
    /// </summary>
    public LabFault CreateFault(string name, string? target = null)
    {
        if (!IsStarted)
        {
            throw new InvalidOperationException("the lab is not running");
        }

        var kind = LabFaultCatalog.Get(name);
        var chosen = target is null ? kind.Targets[0] : kind.TargetsLinks ? LabLayout.Link(target).ToString() : target;
        if (!kind.Targets.Contains(chosen, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{name} cannot be put on '{chosen}'; its targets: {string.Join(", ", kind.Targets)}", nameof(target));
        }

        var settings = options.Faults;
        var time = options.TimeProvider;
        LabFault fault = name switch
        {
            LabFaultCatalog.PacketLoss => new PacketLossFault(LabLayout.Link(chosen), settings.PacketLossPercent, time),
            LabFaultCatalog.LinkLatency => new LinkLatencyFault(LabLayout.Link(chosen), settings.LinkRateKbit, settings.LinkQueuePackets, time),
            LabFaultCatalog.CpuSaturation => new CpuSaturationFault(
                LabLayout.Member(chosen), Cgroups.Member(chosen), settings.CpuQuotaCpus, LogPath(chosen, "busy-loop.log"), time),
            LabFaultCatalog.MemoryPressure => new MemoryPressureFault(
                LabLayout.Member(chosen), Cgroups.Member(chosen), Control(chosen), settings.MemoryHeadroomMb, settings.LeakMbPerSecond, time),
            LabFaultCatalog.SlowDatabase => new SlowDatabaseFault(
                postgres ?? throw new InvalidOperationException("the lab was started without its data stores"),
                settings.LockHoldMs, settings.LockPauseMs, settings.LockSessionLimit, LogPath(chosen, "lock-session.log"), time),
            LabFaultCatalog.ErrorBurst => new ErrorBurstFault(LabLayout.Member(chosen), Control(chosen), settings.ErrorRate, time),
            LabFaultCatalog.SlowService => new SlowServiceFault(LabLayout.Member(chosen), Control(chosen), settings.AddedLatencyMs, time),
            LabFaultCatalog.ServiceDown => new ServiceDownFault(
                LabLayout.Member(chosen), Process(chosen), settings.RestartTimeout, LogPath(chosen, $"{chosen}.log"), time),
            _ => throw new ArgumentException($"no lab fault '{name}'", nameof(name)),
        };
        lock (gate)
        {
            faults.Add(fault);
        }

        return fault;
    }

    /// <summary>The environments of this process that are not torn down yet (the SIGINT cleanup stops them first).</summary>
    internal static IReadOnlyList<LabEnvironment> Live()
    {
        lock (LiveGate)
        {
            return [.. LiveSet];
        }
    }

    internal LabCgroups Cgroups => cgroups ?? throw new InvalidOperationException("the lab's cgroups are not created");

    internal SupervisedProcess Process(string member)
    {
        lock (gate)
        {
            return processes.TryGetValue(member, out var process) ? process : throw new InvalidOperationException($"{member} is not running in this lab");
        }
    }

    internal ServiceControlFile Control(string member)
    {
        lock (gate)
        {
            return controls.TryGetValue(member, out var control) ? control : throw new InvalidOperationException($"{member} has no control file (the lab was started without services)");
        }
    }

    internal PostgresServer? Postgres => postgres;

    /// <summary>The next start step's name, once the start is known not to be cancelled.</summary>
    private static string Next(string step, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return step;
    }

    /// <summary>The first folder above <paramref name="directory"/> that other users cannot pass through, or null.</summary>
    private static string? ClosedAncestor(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        for (var current = new DirectoryInfo(Path.GetFullPath(directory)).Parent; current is not null; current = current.Parent)
        {
            if ((File.GetUnixFileMode(current.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                return current.FullName;
            }
        }

        return null;
    }

    private static ProcessExit? LastExit(SupervisedProcess process) => process.Exits is { Count: > 0 } exits ? exits[^1] : null;

    private string LogPath(string member, string file) => Path.Combine(WorkDirectory, member, file);

    private long OomKills(string member)
    {
        try
        {
            return cgroups?.Member(member).OomKills() ?? 0;
        }
        catch (Exception e) when (e is IOException or LabException or FormatException)
        {
            return 0;
        }
    }

    private async Task RemoveEarlierRunAsync(CancellationToken cancellationToken)
    {
        var earlier = await LabCleanup.SweepAsync(cancellationToken);
        if (earlier.Found.Count > 0)
        {
            progress?.Report($"removed what an earlier lab run left: {string.Join(", ", earlier.Found)}");
        }

        if (!earlier.IsClean)
        {
            throw new LabException($"an earlier lab run's objects could not be removed: {earlier}");
        }
    }

    private void CreateWorkDirectory()
    {
        var directory = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), $"rootcause-lab-{System.Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var existed = Directory.Exists(directory);
        Directory.CreateDirectory(directory);

        // PostgreSQL runs as postgres and must reach its cluster inside this folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        }
        workDirectory = directory;
        if (options.StartDataStores && ClosedAncestor(directory) is { } closed)
        {
            throw new LabException($"PostgreSQL runs as {PostgresServer.User} and cannot reach the work folder {directory}: {closed} is not searchable by other users (chmod o+x {closed}, or choose another folder)");
        }

        if (!options.KeepWorkDirectory)
        {
            teardown.Push($"delete the work folder {directory}", _ =>
            {
                if (existed)
                {
                    foreach (var member in LabLayout.Members)
                    {
                        var folder = Path.Combine(directory, member.Name);
                        if (Directory.Exists(folder))
                        {
                            Directory.Delete(folder, recursive: true);
                        }
                    }
                }
                else if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return Task.CompletedTask;
            });
        }

        foreach (var member in LabLayout.Members)
        {
            Directory.CreateDirectory(Path.Combine(directory, member.Name));
        }

        AgentMappingFile.Write(MappingFilePath);
    }

    private async Task OpenFirewallAsync(CancellationToken cancellationToken)
    {
        teardown.Push("delete the iptables rules for the bridge", HostFirewall.CloseAsync);
        if (await HostFirewall.OpenAsync(cancellationToken))
        {
            progress?.Report($"iptables: FORWARD and INPUT accept {LabLayout.BridgeName}");
        }
        else if (HostFirewall.BridgedTrafficIsFiltered())
        {
            progress?.Report("br_netfilter passes bridged traffic to the host's netfilter hooks; no iptables here, so only nftables tables could drop it");
        }
    }

    private async Task BuildNetworkAsync(CancellationToken cancellationToken)
    {
        teardown.Push($"delete the bridge {LabLayout.BridgeName}", LabNetwork.RemoveBridgeAsync);
        await LabNetwork.CreateBridgeAsync(cancellationToken);
        foreach (var member in LabLayout.Members)
        {
            teardown.Push($"delete namespace {member.Namespace} and link {member.HostLink}", ct => LabNetwork.RemoveMemberAsync(member, ct));
            await LabNetwork.AddMemberAsync(member, cancellationToken);
        }

        progress?.Report($"network: {LabLayout.BridgeName} {LabLayout.BridgeAddress}/{LabLayout.SubnetPrefixLength} and {LabLayout.Members.Count} namespaces");
    }

    private void CreateCgroups()
    {
        var created = LabCgroups.Discover();
        cgroups = created;
        teardown.Push("remove the cgroups", async ct =>
        {
            var problems = await created.RemoveAllAsync(ct);
            if (problems.Count > 0)
            {
                throw new LabException(string.Join("; ", problems));
            }
        });
        created.CreateRoot();
        foreach (var member in LabLayout.Members)
        {
            created.Member(member.Name).Create();
        }

        progress?.Report($"cgroups: {string.Join(", ", created.RootDirectories)}");
    }

    private async Task StartPostgresAsync(CancellationToken cancellationToken)
    {
        var server = new PostgresServer(WorkDirectory, PostgresServer.FindBinaries());
        postgres = server;
        var started = options.TimeProvider.GetTimestamp();
        await server.InitializeAsync(cancellationToken);
        var process = Supervise(server.Member.Name, server.Command(Cgroups.Member(server.Member.Name)), SupervisionPolicy.Default with { StopSignal = "INT" });
        await PortProbe.WaitAsync("PostgreSQL", server.Member.EndPoint, options.ReadyTimeout, () => process.Pid is not null, server.LogPath, cancellationToken);
        await server.ConfigureAsync(options.ReadyTimeout, cancellationToken);
        progress?.Report($"PostgreSQL up on {server.Member.EndPoint} in {options.TimeProvider.GetElapsedTime(started).TotalSeconds:0.0} s (database {PostgresServer.Database}, role {PostgresServer.Role})");
    }

    private async Task StartRedisAsync(CancellationToken cancellationToken)
    {
        var server = new RedisServer(WorkDirectory);
        var process = Supervise(server.Member.Name, server.Command(Cgroups.Member(server.Member.Name)), SupervisionPolicy.Default);
        await PortProbe.WaitAsync("Redis", server.Member.EndPoint, options.ReadyTimeout, () => process.Pid is not null, server.LogPath, cancellationToken);
        if (!await server.PingAsync(cancellationToken))
        {
            throw new LabException($"Redis on {server.Member.EndPoint} does not answer PING; last lines of {server.LogPath}:{System.Environment.NewLine}{LogTail.Read(server.LogPath)}");
        }

        progress?.Report($"Redis up on {server.Member.EndPoint}");
    }

    private async Task StartServicesAsync(CancellationToken cancellationToken)
    {
        var started = options.TimeProvider.GetTimestamp();
        var waits = new List<Task>();
        foreach (var member in LabLayout.Services)
        {
            var process = StartService(member);
            var log = LogPath(member.Name, $"{member.Name}.log");
            waits.Add(PortProbe.WaitAsync(member.Name, member.EndPoint, options.ReadyTimeout, () => process.Pid is not null || process.Restarts == 0, log, cancellationToken));
        }

        await Task.WhenAll(waits);
        progress?.Report($"services up in {options.TimeProvider.GetElapsedTime(started).TotalSeconds:0.0} s: {string.Join(", ", LabLayout.Services.Select(s => $"{s.Name} {s.EndPoint}"))}");
    }

    private void StartLoad()
    {
        StartService(LabLayout.Load);
        progress?.Report($"load: {options.LoadRate} requests/s from {LabLayout.Load.Address} to {LabLayout.Gateway.BaseUrl}");
    }

    private SupervisedProcess StartService(LabMember member)
    {
        var control = new ServiceControlFile(Path.Combine(WorkDirectory, member.Name, "control.json"));
        control.Write(ServiceSwitches.Off);
        lock (gate)
        {
            controls[member.Name] = control;
        }

        var command = new MemberCommand(
            member.Name,
            options.DotnetPath,
            ServiceCommands.Arguments(member, Path.GetFullPath(options.ServiceAssemblyPath!), control.Path, options.LoadRate),
            member.Namespace,
            Cgroups.Member(member.Name).ProcsFiles,
            LogPath(member.Name, $"{member.Name}.log"),
            Environment: ServiceCommands.Environment);
        return Supervise(member.Name, command, SupervisionPolicy.Default);
    }

    private SupervisedProcess Supervise(string name, MemberCommand command, SupervisionPolicy policy)
    {
        var process = new SupervisedProcess(name, () => MemberLauncher.Start(command), policy, options.TimeProvider, progress);
        lock (gate)
        {
            processes[name] = process;
        }

        teardown.Push($"stop {name}", process.StopAsync);
        process.Start();
        return process;
    }

    private async Task<IReadOnlyList<string>> StopCoreAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await lifetime.CancelAsync();
        if (Volatile.Read(ref state) != 0)
        {
            // A start in flight sees the cancellation at its next step; let it get there so nothing is built behind our back.
            try
            {
                await startExited.Task.WaitAsync(StartExitTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                problems.Add($"the start did not stop within {StartExitTimeout.TotalSeconds:0} s; tearing down anyway");
            }
        }

        Volatile.Write(ref state, 3);
        LabFault[] applied;
        lock (gate)
        {
            applied = faults.Where(f => f.IsApplied).Reverse().ToArray();
        }

        foreach (var fault in applied)
        {
            try
            {
                progress?.Report($"teardown: remove {fault}");
                await fault.RemoveAsync(cancellationToken).WaitAsync(TeardownStack.StepTimeout, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                problems.Add($"remove {fault}: {e.Message}");
            }
        }

        problems.AddRange(await teardown.RunAsync(progress, cancellationToken));
        if (hostLock is not null)
        {
            try
            {
                var sweep = await LabCleanup.SweepAsync(cancellationToken);
                problems.AddRange(sweep.Problems);
                if (sweep.Found.Count > 0)
                {
                    progress?.Report($"teardown: swept {string.Join(", ", sweep.Found)}");
                }

                problems.AddRange(sweep.Left.Select(l => $"left after teardown: {l}"));
            }
            catch (LabException e)
            {
                problems.Add($"sweep: {e.Message}");
            }

            hostLock.Dispose();
        }

        lock (LiveGate)
        {
            LiveSet.Remove(this);
        }

        TeardownProblems = problems;
        return problems;
    }
}
