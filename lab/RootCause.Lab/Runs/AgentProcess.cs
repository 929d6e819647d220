using System.Diagnostics;
using System.Globalization;

namespace RootCause.Lab.Runs;

/// <summary>
/// The eBPF agent as the lab runs it: a separate process on the host (it watches every namespace from there),
/// shipping batches to RootCause at a short interval, naming the lab's services by the lab's mapping file.
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    /// <summary>The agent's interval in the lab: short, so that a fault shows within seconds.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>The node name the agent reports (one agent, one node).</summary>
    public const string Node = "lab-1";

    /// <summary>An agent that cannot load its programs exits within this; one still running after it has loaded.</summary>
    private static readonly TimeSpan LoadGrace = TimeSpan.FromSeconds(5);

    private readonly Process process;

    private AgentProcess(Process process, string logPath)
    {
        this.process = process;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public int Pid => process.Id;

    /// <summary>Starts the agent; <see cref="LabException"/> with its log's tail when it exits while loading.</summary>
    public static async Task<AgentProcess> StartAsync(string dotnet, string agentAssembly, Uri server, string mappingFile, string logPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(agentAssembly))
        {
            throw new LabException($"the agent is not built: {agentAssembly} is missing");
        }

        var arguments = new[]
        {
            agentAssembly, "--server", server.ToString().TrimEnd('/'), "--interval", Interval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--node", Node, "--mapping", mappingFile,
        };
        var process = MemberLauncher.Start(new MemberCommand("agent", dotnet, arguments, null, [], logPath));
        var agent = new AgentProcess(process, logPath);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(LoadGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return agent;
        }

        var exitCode = process.ExitCode;
        process.Dispose();
        throw new LabException($"the agent exited with code {exitCode} while loading its probes; its log ({logPath}):{Environment.NewLine}{LogTail.Read(logPath)}");
    }

    /// <summary>Stops the agent (SIGINT: it flushes its last interval), killing it when it does not stop in time.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                await ProcessRunner.SignalAsync(process.Id, "INT", CancellationToken.None);
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                }
            }
        }
        finally
        {
            process.Dispose();
        }
    }
}
