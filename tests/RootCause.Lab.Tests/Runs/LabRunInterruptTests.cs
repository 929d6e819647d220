using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using RootCause.Lab.AlertChain;
using RootCause.Lab.Tests.Infrastructure;

namespace RootCause.Lab.Tests.Runs;

/// <summary>`rootcause lab run` interrupted mid-run (SIGINT, as Ctrl-C sends) leaves nothing of the lab behind.</summary>
[Collection(OneLabAtATime.Name)]
public sealed partial class LabRunInterruptTests
{
    private static readonly TimeSpan UntilLabUp = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan UntilExit = TimeSpan.FromMinutes(2);

    [LabHostFact]
    public async Task Ctrl_c_mid_run_tears_everything_down_and_exits_non_zero()
    {
        LabHost.Require();
        var home = Home();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        // The tool as the checkout builds it, in this test's configuration (bin/<configuration>/net10.0/).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var tool = Path.Combine(home, "analyzer/RootCause.Server/bin", configuration, "net10.0/rootcause.dll");
        foreach (var argument in new[] { tool, "lab", "run", "--fault", LabFaultCatalog.SlowService })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ROOTCAUSE_HOME"] = home;
        using var run = Process.Start(start)!;
        var stderr = new List<string>();
        var labUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        run.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.Add(e.Data);
            }

            if (e.Data.Contains("traffic of gateway seen", StringComparison.Ordinal))
            {
                labUp.TrySetResult();
            }
        };
        run.BeginErrorReadLine();
        _ = run.StandardOutput.ReadToEndAsync();

        try
        {
            await labUp.Task.WaitAsync(UntilLabUp);
        }
        catch (TimeoutException)
        {
            run.Kill(entireProcessTree: true);
            Assert.Fail($"the lab did not come up within {UntilLabUp}:{Environment.NewLine}{string.Join(Environment.NewLine, stderr)}");
        }

        // Mid-run: everything is up (service, agent, shop, Prometheus, Alertmanager) and the baseline runs.
        var agentPid = int.Parse(AgentPid().Match(string.Join('\n', stderr)).Groups[1].Value, CultureInfo.InvariantCulture);
        using (var interrupt = Process.Start("kill", ["-s", "INT", run.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(UntilExit);
        await run.WaitForExitAsync(patience.Token);

        var log = string.Join(Environment.NewLine, stderr);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("tearing the lab down", log, StringComparison.Ordinal);
        Assert.DoesNotContain("teardown: left behind", log, StringComparison.Ordinal);
        Assert.Empty(await LabCleanup.FindLeftoversAsync());
        Assert.False(IsRunning(agentPid), $"the agent (pid {agentPid}) is still running");
        Assert.False(await ListensAsync(AlertChainOptions.DefaultPrometheusPort), "Prometheus still listens");
        Assert.False(await ListensAsync(AlertChainOptions.DefaultAlertmanagerPort), "Alertmanager still listens");
    }

    private static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}");

    private static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Home()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RootCause.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the tests run outside the checkout");
    }

    [GeneratedRegex(@"agent running \(pid (\d+)")]
    private static partial Regex AgentPid();
}
