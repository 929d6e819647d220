using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace RootCause.Lab.Tests.Service;

/// <summary>
/// A throw-away PostgreSQL cluster: initdb into a temporary folder as the postgres user, pg_ctl on a free loopback
/// port; stopped and deleted on dispose. Used as a class fixture (the cluster takes a few seconds to make).
/// </summary>
public sealed class ThrowAwayPostgres : IAsyncLifetime
{
    private string? folder;
    private int databases;

    public int Port { get; private set; }

    public bool IsAvailable => LabServers.MissingReason(LabServers.Postgres) is null;

    public string ConnectionString(string database) => string.Create(
        CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}");

    public async Task InitializeAsync()
    {
        if (!IsAvailable)
        {
            return;
        }

        folder = Directory.CreateTempSubdirectory("rclab-pg-").FullName;
        await RunAsync("chown", "postgres:postgres", folder);
        Port = LabServers.FreePort();
        await AsPostgresAsync($"{Bin("initdb")} -D {folder}/data -A trust -U postgres --no-sync -E UTF8 --locale=C");
        await StartAsync();
    }

    public async Task StartAsync() => await AsPostgresAsync(
        $"{Bin("pg_ctl")} -D {folder}/data -l {folder}/log -w -t 30 -o \"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off\" start");

    /// <summary>Stops the server at once (as a crash would); the test process's pooled connections to it are dropped.</summary>
    public async Task StopAsync()
    {
        await AsPostgresAsync($"{Bin("pg_ctl")} -D {folder}/data -m immediate -w stop");
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A new empty database, so each test starts from nothing.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"shop_{Interlocked.Increment(ref databases)}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    public async Task DisposeAsync()
    {
        if (folder is null)
        {
            return;
        }

        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped by a test.
        }

        Directory.Delete(folder, recursive: true);
    }

    private static string Bin(string tool) => Path.Combine(LabServers.PostgresBin!, tool);

    private static Task AsPostgresAsync(string command) => RunAsync("su", "postgres", "-c", command);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output} {await error}");
        }
    }
}
