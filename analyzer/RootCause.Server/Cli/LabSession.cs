using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using RootCause.Analysis;
using RootCause.Contracts;
using RootCause.Lab;
using RootCause.Lab.AlertChain;
using RootCause.Lab.Runs;
using RootCause.Server.Hosting;

namespace RootCause.Server.Cli;

/// <summary>
/// One whole lab session: the service host (embedded defaults), the agent, the shop, Prometheus and
/// Alertmanager, in the order that lets the agent see every connection from its first byte; the scenarios;
/// and the teardown in reverse — on success, failure or Ctrl-C — with a check that nothing of the lab is left.
/// </summary>
internal sealed class LabSession(IProgress<string> progress)
{
    /// <summary>
    /// The analyzer's windows for 5 s intervals (the defaults suit one-minute intervals). An anomaly counts when
    /// it began at most a minute before the alert. The baseline is 3 minutes (36 intervals): scenarios follow each
    /// other about two minutes apart, and the detector learns from all the history it is given — with 15 minutes,
    /// an earlier fault on the same service made the next one look ordinary (slow_service on catalog missed 7
    /// minutes after slow_database, found in the same recording cut to 6 minutes). Chosen on lab runs: a
    /// development-set parameter.
    /// </summary>
    public static AnalyzerOptions Analyzer { get; } = new()
    {
        Baseline = TimeSpan.FromMinutes(3),
        Lookback = TimeSpan.FromSeconds(60),
        After = TimeSpan.FromSeconds(15),
    };

    private readonly List<string> teardownProblems = [];

    public LabRunOptions Run { get; init; } = new();

    /// <summary>What went wrong while tearing down, and anything of the lab that was left (then removed).</summary>
    public IReadOnlyList<string> TeardownProblems => teardownProblems;

    /// <summary>Called with each scenario's report while the fault is still applied.</summary>
    public Func<LabHost, LabFault, RootCauseReport, CancellationToken, Task>? OnReport { get; init; }

    /// <summary>The run's result; <see cref="LabException"/> when the lab cannot be built or the machine lacks a part.</summary>
    public async Task<LabRunResult> RunAsync(IReadOnlyList<LabScenario> scenarios, CancellationToken cancellationToken)
    {
        var home = LabBuild.Home() ?? throw new LabException("cannot find the checkout (RootCause.sln); run the tool through ./rootcause");
        progress.Report("building the agent and the shop's services");
        if (await LabBuild.BuildAsync(home, cancellationToken).ConfigureAwait(false) is { } buildProblem)
        {
            throw new LabException(buildProblem);
        }

        var removed = await LabCleanup.RemoveLeftoversAsync(CancellationToken.None).ConfigureAwait(false);
        if (removed.Found.Count > 0)
        {
            progress.Report($"removed what an earlier lab run left behind: {string.Join(", ", removed.Found)}");
        }

        var work = Directory.CreateTempSubdirectory("rootcause-lab-").FullName;
        // PostgreSQL runs as its own user and must reach its data folder below this one.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(work, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        progress.Report($"logs and configuration in {work}");
        var problems = teardownProblems;
        var succeeded = false;
        LabHost? host = null;
        AgentProcess? agent = null;
        LabEnvironment? lab = null;
        AlertChain? alerts = null;
        try
        {
            host = await LabHost.StartAsync(
                RootCauseHost.Build(
                    new RootCauseHostOptions { Urls = "http://127.0.0.1:0", Analyzer = Analyzer },
                    services => services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace)),
                cancellationToken).ConfigureAwait(false);
            progress.Report($"RootCause listening on {host.BaseAddress}");

            var mapping = Path.Combine(work, "agent-mapping.txt");
            AgentMappingFile.Write(mapping);
            agent = await AgentProcess.StartAsync("dotnet", LabBuild.AgentAssembly(home), host.BaseAddress, mapping, Path.Combine(work, "agent.log"), cancellationToken).ConfigureAwait(false);
            progress.Report($"agent running (pid {agent.Pid}, {AgentProcess.Interval.TotalSeconds:0} s intervals)");

            lab = new LabEnvironment();
            await lab.StartAsync(new LabOptions { ServiceAssemblyPath = LabBuild.ServiceAssembly(home), WorkDirectory = Path.Combine(work, "lab"), KeepWorkDirectory = true }, progress, cancellationToken).ConfigureAwait(false);

            alerts = await AlertChain.StartAsync(new AlertChainOptions { RootCause = host.BaseAddress, WorkDirectory = Path.Combine(work, "alerts") }, cancellationToken).ConfigureAwait(false);
            progress.Report($"Prometheus on {alerts.PrometheusUrl}, Alertmanager on {alerts.AlertmanagerUrl}");

            var runner = new LabRunner(lab, alerts, host, Run, progress, TimeProvider.System)
            {
                OnReport = OnReport is null ? null : (fault, report, token) => OnReport(host, fault, report, token),
            };
            await runner.WarmUpAsync(cancellationToken).ConfigureAwait(false);
            var result = await runner.RunAsync(scenarios, cancellationToken).ConfigureAwait(false);
            succeeded = true;
            return result;
        }
        finally
        {
            progress.Report("tearing the lab down");
            await Step(problems, "Prometheus and Alertmanager", alerts).ConfigureAwait(false);
            if (lab is not null)
            {
                problems.AddRange(await lab.StopAsync(CancellationToken.None).ConfigureAwait(false));
            }

            await Step(problems, "the agent", agent).ConfigureAwait(false);
            await Step(problems, "RootCause", host).ConfigureAwait(false);
            var left = await LabCleanup.FindLeftoversAsync(CancellationToken.None).ConfigureAwait(false);
            if (left.Count > 0)
            {
                problems.Add($"left behind: {string.Join(", ", left)}; removing them");
                await LabCleanup.RemoveLeftoversAsync(CancellationToken.None).ConfigureAwait(false);
            }

            foreach (var problem in problems)
            {
                progress.Report($"teardown: {problem}");
            }

            // The folder holds the database's files (over 100 MB after a long run): kept only to look into a failure.
            if (succeeded && problems.Count == 0)
            {
                DeleteWorkFolder(work);
            }
            else
            {
                progress.Report($"logs kept in {work}");
            }
        }
    }

    private void DeleteWorkFolder(string work)
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            progress.Report($"could not delete {work}: {e.Message}");
        }
    }

    private static async Task Step(List<string> problems, string what, IAsyncDisposable? part)
    {
        if (part is null)
        {
            return;
        }

        try
        {
            await part.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            problems.Add($"stopping {what}: {e.Message}");
        }
    }
}
