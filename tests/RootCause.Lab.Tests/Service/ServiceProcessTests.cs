using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace RootCause.Lab.Tests.Service;

/// <summary>The executable as the lab starts it: exit codes, silence, its listen address only, and SIGTERM.</summary>
public sealed class ServiceProcessTests
{
    private static readonly string ServiceDll = Path.Combine(AppContext.BaseDirectory, "rootcause-lab-service.dll");

    [Fact]
    public async Task Bad_arguments_are_one_line_on_stderr_and_exit_code_2()
    {
        using var process = Start("--role", "payment", "--listen", "10.0.0.1");
        var stderr = await process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await WaitAsync(process);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("rootcause-lab-service: --listen '10.0.0.1' is not IP:PORT (e.g. 10.231.0.10:8080)\n", stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task A_role_serves_quietly_on_its_listen_address_and_stops_cleanly_on_SIGTERM()
    {
        var port = LabServers.FreePort();
        using var process = Start("--role", "payment", "--listen", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        await WaitUntilServingAsync(client, process);

        for (var i = 0; i < 20; i++)
        {
            using var charged = await client.PostAsync("/charge", Json("""{"user": "al", "amountCents": 1200, "currency": "EUR"}"""));
            Assert.Equal(200, (int)charged.StatusCode);
        }

        using var refused = await client.PostAsync("/charge", Json("not json"));
        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Equal([$"127.0.0.1:{port}"], ListeningSockets(process.Id));

        var stopping = Stopwatch.StartNew();
        Assert.Equal(0, Kill(process.Id));
        await WaitAsync(process);

        Assert.Equal(0, process.ExitCode);
        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(string.Empty, await stderr);
        Assert.Equal(string.Empty, await stdout);
    }

    [Fact]
    public async Task The_load_role_sends_at_its_rate_and_on_SIGTERM_prints_its_last_summary_and_exits_0()
    {
        await using var gateway = await FakeGateway.StartAsync();
        using var process = Start("--role", "load", "--target", gateway.Address.ToString().TrimEnd('/'), "--rate", "40");
        var stderr = process.StandardError.ReadToEndAsync();
        var waited = Stopwatch.StartNew();
        while (gateway.Total < 40 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }

        var stopping = Stopwatch.StartNew();
        Assert.Equal(0, Kill(process.Id));
        await WaitAsync(process);

        Assert.Equal(0, process.ExitCode);
        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        var summary = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var sent = int.Parse(System.Text.RegularExpressions.Regex.Match(summary, @"^load: last \d+ s sent=(\d+) ok=\1 errors=0 dropped=0 mean_latency_ms=").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(gateway.Total, sent);
    }

    [Fact]
    public async Task A_listen_address_in_use_is_one_line_and_exit_code_1()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        using var process = Start("--role", "payment", "--listen", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var stderr = await process.StandardError.ReadToEndAsync();
        await WaitAsync(process);

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("rootcause-lab-service --role payment: cannot run: ", stderr, StringComparison.Ordinal);
        Assert.Contains("address already in use", stderr, StringComparison.OrdinalIgnoreCase);
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServiceDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task WaitAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    private static async Task WaitUntilServingAsync(HttpClient client, Process process)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var health = await client.GetAsync("/healthz");
                Assert.Equal("ok", await health.Content.ReadAsStringAsync());
                return;
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromSeconds(20) && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>The TCP listening addresses of a process, from /proc/net/tcp and its socket inodes.</summary>
    private static List<string> ListeningSockets(int pid)
    {
        var inodes = Directory.GetFiles($"/proc/{pid}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Where(target => target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(target => target!["socket:[".Length..^1])
            .ToHashSet(StringComparer.Ordinal);
        var listening = new List<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var fields in File.ReadLines(table).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                // State 0A is LISTEN; field 9 is the inode.
                if (fields[3] == "0A" && inodes.Contains(fields[9]))
                {
                    var local = fields[1].Split(':');
                    var port = int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    var address = local[0].Length == 8
                        ? new System.Net.IPAddress(BitConverter.GetBytes(uint.Parse(local[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
                        : System.Net.IPAddress.IPv6Any;
                    listening.Add($"{address}:{port}");
                }
            }
        }

        return listening;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillNative(int pid, int signal);

    private static int Kill(int pid) => KillNative(pid, 15);
}
