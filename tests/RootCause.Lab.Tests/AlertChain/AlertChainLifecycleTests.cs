using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RootCause.Lab.AlertChain;

namespace RootCause.Lab.Tests.AlertChain;

/// <summary>Starting, failing and stopping the real Prometheus and Alertmanager: bounded, with reasons, and nothing left running.</summary>
public sealed class AlertChainLifecycleTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("rclab-alertchain-");

    // Nothing listens there: the chain runs, its scrapes fail.
    private readonly Uri _noRootCause = new($"http://127.0.0.1:{LoopbackPorts.Free()}/");

    [AlertChainFact]
    public async Task A_taken_Prometheus_port_fails_the_start_with_its_log_tail_and_stops_the_Alertmanager_already_started()
    {
        AlertChainPrograms.Require();
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var options = Options() with { PrometheusPort = ((IPEndPoint)squatter.LocalEndpoint).Port };

        var error = await Assert.ThrowsAsync<LabException>(() => Lab.AlertChain.AlertChain.StartAsync(options, CancellationToken.None));

        Assert.StartsWith("prometheus exited with code", error.Message, StringComparison.Ordinal);
        Assert.Contains("address already in use", error.Message, StringComparison.Ordinal);
        Assert.Empty(ProcessesIn(_work.FullName));
        Assert.False(File.Exists(Path.Combine(_work.FullName, "alertmanager.pid")));
    }

    [AlertChainFact]
    public async Task A_start_in_the_folder_of_a_crashed_run_stops_what_it_left_and_disposing_twice_leaves_nothing_running()
    {
        AlertChainPrograms.Require();
        var options = Options();
        var crashed = await Lab.AlertChain.AlertChain.StartAsync(options, CancellationToken.None);
        int[] left = [crashed.PrometheusPid, crashed.AlertmanagerPid];

        // Same folder, same ports: only possible once the leftovers are gone.
        var chain = await Lab.AlertChain.AlertChain.StartAsync(options, CancellationToken.None);
        Assert.All(left, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"pid {pid} of the crashed run still runs"));
        Assert.Equal(chain.PrometheusPid.ToString(CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(_work.FullName, "prometheus.pid")).Trim());

        await chain.DisposeAsync();
        await chain.DisposeAsync();
        await crashed.DisposeAsync();

        Assert.Empty(ProcessesIn(_work.FullName));
        Assert.False(File.Exists(Path.Combine(_work.FullName, "prometheus.pid")));
        Assert.False(File.Exists(Path.Combine(_work.FullName, "alertmanager.pid")));
    }

    [AlertChainFact]
    public async Task Waiting_for_an_alert_that_cannot_fire_ends_in_time_saying_how_far_it_got()
    {
        AlertChainPrograms.Require();
        await using var chain = await Lab.AlertChain.AlertChain.StartAsync(Options(), CancellationToken.None);
        var started = TimeProvider.System.GetTimestamp();

        var error = await Assert.ThrowsAsync<LabException>(() => chain.WaitForFiringAsync(AlertNames.Latency, "gateway", TimeSpan.FromSeconds(8), CancellationToken.None));

        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(20));
        Assert.StartsWith("HttpServerLatencyHigh on gateway did not fire within 8 s: its condition never held", error.Message, StringComparison.Ordinal);
        Assert.Contains("recent mean latency (s) has no value", error.Message, StringComparison.Ordinal);
        Assert.Contains($"the scrape of {_noRootCause}metrics is down", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _work.Delete(recursive: true);

    private AlertChainOptions Options() => new()
    {
        RootCause = _noRootCause,
        WorkDirectory = _work.FullName,
        PrometheusPort = LoopbackPorts.Free(),
        AlertmanagerPort = LoopbackPorts.Free(),
    };

    /// <summary>Processes whose command line names the folder (the chain's servers name their configs in it).</summary>
    private static int[] ProcessesIn(string folder) =>
        Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ReadCommandLine(pid).Contains(folder, StringComparison.Ordinal))
            .ToArray();

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
