using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>
/// A real PostgreSQL 15 on loopback for a kernel test: a cluster made by initdb (as the postgres user) in a temp folder,
/// the server started under a name of the test's own (<see cref="RenamedPrograms"/>), trust authentication. Its clients
/// psql and pgbench run under names of their own too. Stopped (fast shutdown) and removed on dispose.
/// </summary>
internal sealed class TestPostgresServer : IAsyncDisposable
{
    public const string Binaries = "/usr/lib/postgresql/15/bin";
    public const string Initdb = Binaries + "/initdb";

    private readonly RenamedPrograms programs;
    private readonly string folder;
    private readonly Process server;
    private readonly string psql;
    private readonly string pgbench;

    private TestPostgresServer(RenamedPrograms programs, string folder, Process server, int port)
    {
        this.programs = programs;
        this.folder = folder;
        this.server = server;
        Port = port;
        psql = programs.Link(Path.Combine(Binaries, "psql"), "psql");
        pgbench = programs.Link(Path.Combine(Binaries, "pgbench"), "pgbench");
    }

    public static string ServerComm => RenamedPrograms.Comm("pgsrv");

    public static string PsqlComm => RenamedPrograms.Comm("psql");

    public static string PgbenchComm => RenamedPrograms.Comm("pgbench");

    public int Port { get; }

    public static async Task<TestPostgresServer> StartAsync()
    {
        var programs = new RenamedPrograms();
        var folder = Directory.CreateTempSubdirectory("rc-kt-postgres-").FullName;
        TestPostgresServer? started = null;
        try
        {
            var data = Path.Combine(folder, "data");
            Directory.CreateDirectory(data);
            await Checked(CommandLineTool.RunAsync("chown", ["-R", "postgres:postgres", folder]));
            await Checked(CommandLineTool.RunAsync(
                "setpriv",
                ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", Initdb, "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "--no-locale", "-E", "UTF8", "--no-instructions"],
                timeout: TimeSpan.FromSeconds(120)));

            var port = FreePort();
            var binary = programs.Link(Path.Combine(Binaries, "postgres"), "pgsrv");
            var start = new ProcessStartInfo(
                "setpriv",
                [
                    "--reuid=postgres", "--regid=postgres", "--init-groups", "--", binary, "-D", data,
                    "-c", "listen_addresses=127.0.0.1", "-c", $"port={port}", "-c", $"unix_socket_directories={folder}",
                    "-c", "fsync=off", "-c", "max_connections=20", "-c", "shared_buffers=16MB", "-c", "log_min_messages=fatal",
                ])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var server = Process.Start(start)!;
            server.OutputDataReceived += (_, _) => { };
            server.ErrorDataReceived += (_, _) => { };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            started = new TestPostgresServer(programs, folder, server, port);
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
                Directory.Delete(folder, recursive: true);
            }

            throw;
        }
    }

    /// <summary>psql as the superuser over TCP (no .psqlrc, unaligned, tuples only), with <paramref name="arguments"/>.</summary>
    public Task<CommandResult> PsqlAsync(params string[] arguments) =>
        CommandLineTool.RunAsync(psql, ["-X", "-A", "-t", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", .. arguments]);

    /// <summary>pgbench against the server with <paramref name="arguments"/>.</summary>
    public Task<CommandResult> PgbenchAsync(params string[] arguments) =>
        CommandLineTool.RunAsync(pgbench, ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", .. arguments, "postgres"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            // SIGINT: fast shutdown (the server ends its sessions and exits).
            await CommandLineTool.RunAsync("kill", ["-INT", server.Id.ToString(CultureInfo.InvariantCulture)]);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await server.WaitForExitAsync(limit.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            server.Kill(entireProcessTree: true);
        }
        finally
        {
            server.Dispose();
            programs.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (true)
        {
            var probe = await PsqlAsync("-c", "SELECT 1");
            if (probe.ExitCode == 0)
            {
                return;
            }

            if (server.HasExited || Environment.TickCount64 > deadline)
            {
                throw new InvalidOperationException($"PostgreSQL did not accept sessions on port {Port} within 30 s: {probe}");
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

    private static async Task Checked(Task<CommandResult> run)
    {
        var result = await run;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }
}
