using System.Globalization;

namespace RootCause.Lab;

/// <summary>
/// The catalog's PostgreSQL: a cluster made by initdb in the lab's work folder (as the postgres user), run in the
/// foreground in catalog-db's namespace and cgroup on 10.231.0.20:5432, with role catalog / password catalog owning
/// database shop, password (scram) auth for the lab's subnet and trust on its own unix socket for the lab's sessions.
/// </summary>
internal sealed class PostgresServer
{
    public const string User = "postgres";
    public const string Role = "catalog";
    public const string Password = "catalog";
    public const string Database = "shop";

    /// <summary>Debian's PostgreSQL 15; another installed major version is used when 15 is absent.</summary>
    public const string PreferredBinaries = "/usr/lib/postgresql/15/bin";

    private static readonly TimeSpan InitdbTimeout = TimeSpan.FromSeconds(90);

    public PostgresServer(string workDirectory, string binaries)
    {
        Folder = Path.Combine(workDirectory, LabLayout.CatalogDb.Name);
        Binaries = binaries;
    }

    public LabMember Member => LabLayout.CatalogDb;

    public string Binaries { get; }

    public string DataDirectory => Path.Combine(Folder, "data");

    /// <summary>Where its unix socket lives; the lab's own sessions (setup, slow_database) connect here.</summary>
    public string SocketDirectory => Path.Combine(Folder, "socket");

    public string LogPath => Path.Combine(Folder, "postgres.log");

    /// <summary>What the catalog service connects with (Npgsql syntax).</summary>
    public static string ConnectionString => $"Host={LabLayout.CatalogDb.Address};Port={LabLayout.CatalogDb.Port};Username={Role};Password={Password};Database={Database}";

    private string Folder { get; }

    /// <summary>The server binaries' folder; <see cref="LabException"/> when PostgreSQL is not installed.</summary>
    public static string FindBinaries()
    {
        if (File.Exists(Path.Combine(PreferredBinaries, "postgres")))
        {
            return PreferredBinaries;
        }

        const string root = "/usr/lib/postgresql";
        var other = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root)
                .Select(d => (Directory: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(c => File.Exists(Path.Combine(c.Directory, "postgres")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Directory)
                .FirstOrDefault()
            : null;
        return other ?? throw new LabException($"PostgreSQL is not installed ({PreferredBinaries}/postgres not found); apt-get install postgresql (scripts/setup does)");
    }

    /// <summary>Makes the cluster: folders owned by postgres, initdb, and a pg_hba.conf line for the lab's subnet.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(SocketDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        await ProcessRunner.RunCheckedAsync("chown", ["-R", $"{User}:{User}", DataDirectory, SocketDirectory], cancellationToken);
        await ProcessRunner.RunCheckedAsync(
            "setpriv",
            [$"--reuid={User}", $"--regid={User}", "--init-groups", "--", Path.Combine(Binaries, "initdb"),
             "-D", DataDirectory, "-U", User, "--auth-local=trust", "--auth-host=scram-sha-256", "--no-locale", "-E", "UTF8", "--no-sync"],
            cancellationToken,
            InitdbTimeout,
            environment: new Dictionary<string, string> { ["HOME"] = Folder });
        await File.AppendAllTextAsync(
            Path.Combine(DataDirectory, "pg_hba.conf"),
            $"{Environment.NewLine}# RootCause lab: the services on the lab's bridge{Environment.NewLine}host all all {LabLayout.Subnet} scram-sha-256{Environment.NewLine}",
            cancellationToken);
    }

    /// <summary>The postgres process in the foreground, as postgres, in catalog-db's namespace and cgroup.</summary>
    public MemberCommand Command(MemberCgroup cgroup) => new(
        Member.Name,
        Path.Combine(Binaries, "postgres"),
        [
            "-D", DataDirectory,
            "-c", $"listen_addresses={Member.Address}",
            "-c", $"port={Member.Port}",
            "-c", $"unix_socket_directories={SocketDirectory}",
            // A lab database: durability does not matter, start-up and teardown speed do.
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off",
            "-c", "shared_buffers=32MB",
            "-c", "max_connections=100",
            "-c", "log_min_messages=warning",
        ],
        Member.Namespace,
        cgroup.ProcsFiles,
        LogPath,
        User);

    /// <summary>Waits until it accepts sessions, then creates role catalog and database shop (bounded).</summary>
    public async Task ConfigureAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            // The postmaster listens before it accepts sessions ("the database system is starting up").
            var probe = await ProcessRunner.RunAsync(Psql, PsqlArguments("postgres", "SELECT 1"), cancellationToken);
            if (probe.Succeeded)
            {
                break;
            }

            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new LabException($"PostgreSQL did not accept sessions within {timeout.TotalSeconds:0} s ({probe.StandardError.Trim()}); last lines of {LogPath}:{Environment.NewLine}{LogTail.Read(LogPath)}");
            }

            await Task.Delay(200, cancellationToken);
        }

        await QueryAsync("postgres", $"CREATE ROLE {Role} LOGIN PASSWORD '{Password}'", cancellationToken);
        await QueryAsync("postgres", $"CREATE DATABASE {Database} OWNER {Role}", cancellationToken);
    }

    /// <summary>Runs SQL as the superuser over the unix socket and returns the unaligned rows; <see cref="LabCommandException"/> on an error.</summary>
    public Task<string> QueryAsync(string database, string sql, CancellationToken cancellationToken) =>
        ProcessRunner.RunCheckedAsync(Psql, PsqlArguments(database, sql), cancellationToken);

    public string Psql => Path.Combine(Binaries, "psql");

    /// <summary>psql arguments for one statement as the superuser over the unix socket: unaligned, tuples only, stop on error.</summary>
    public IReadOnlyList<string> PsqlArguments(string database, string sql) =>
        ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", SocketDirectory, "-p", Member.Port!.Value.ToString(CultureInfo.InvariantCulture), "-U", User, "-d", database, "-c", sql];
}
