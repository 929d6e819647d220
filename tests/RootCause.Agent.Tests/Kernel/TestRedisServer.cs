using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>
/// A real redis-server on loopback for a kernel test, without persistence, started under a name of the test's own
/// (<see cref="RenamedPrograms"/>), DEBUG allowed (DEBUG SLEEP makes a slow command). Its client redis-cli runs under a
/// name of its own too. Killed on dispose.
/// </summary>
internal sealed class TestRedisServer : IAsyncDisposable
{
    private readonly RenamedPrograms programs;
    private readonly Process server;
    private readonly string cli;

    private TestRedisServer(RenamedPrograms programs, Process server, int port)
    {
        this.programs = programs;
        this.server = server;
        Port = port;
        cli = programs.Link(KernelEnvironment.FindOnPath("redis-cli")!, "rcli");
    }

    public static string ServerComm => RenamedPrograms.Comm("rdsrv");

    public static string CliComm => RenamedPrograms.Comm("rcli");

    public int Port { get; }

    public static async Task<TestRedisServer> StartAsync()
    {
        var programs = new RenamedPrograms();
        TestRedisServer? started = null;
        try
        {
            var port = FreePort();
            // redis-server is a link to redis-check-rdb and picks its role from its name: any other name is the server.
            var binary = programs.Link(KernelEnvironment.FindOnPath("redis-server")!, "rdsrv");
            var start = new ProcessStartInfo(
                binary,
                ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--enable-debug-command", "yes", "--loglevel", "warning"])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = programs.Folder,
            };
            var server = Process.Start(start)!;
            server.OutputDataReceived += (_, _) => { };
            server.ErrorDataReceived += (_, _) => { };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            started = new TestRedisServer(programs, server, port);
            await started.WaitUntilReadyAsync();
            return started;
        }
        catch
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
            else
            {
                programs.Dispose();
            }

            throw;
        }
    }

    /// <summary>One redis-cli run against the server: a command from <paramref name="arguments"/>, or stdin with --pipe.</summary>
    public Task<CommandResult> CliAsync(string[] arguments, string? input = null) =>
        CommandLineTool.RunAsync(cli, ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), .. arguments], input);

    public async ValueTask DisposeAsync()
    {
        try
        {
            server.Kill();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await server.WaitForExitAsync(limit.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            server.Dispose();
            programs.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Environment.TickCount64 + 20_000;
        while (true)
        {
            var probe = await CliAsync(["PING"]);
            if (probe.Output.Trim() == "PONG")
            {
                return;
            }

            if (server.HasExited || Environment.TickCount64 > deadline)
            {
                throw new InvalidOperationException($"redis-server did not answer PING on port {Port} within 20 s: {probe}");
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
