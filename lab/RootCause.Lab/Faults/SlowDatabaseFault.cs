using System.Diagnostics;
using System.Globalization;
using RootCause.Lab.Runs;

namespace RootCause.Lab;

/// <summary>
/// slow_database: a lab session on catalog-db (psql in its namespace, over its unix socket) takes
/// `LOCK TABLE products IN ACCESS EXCLUSIVE MODE`, holds it a few hundred ms, commits, pauses and takes it again,
/// so the catalog's queries wait on the lock. The session ends itself after a limit should the lab die; removing the
/// fault terminates its backend and its psql.
/// </summary>
internal sealed class SlowDatabaseFault : LabFault
{
    /// <summary>The session's application_name, by which it is found and terminated.</summary>
    public const string ApplicationName = "rclab_slow_database";

    private static readonly TimeSpan VerifyTimeout = TimeSpan.FromSeconds(10);

    private readonly PostgresServer database;
    private readonly int holdMs;
    private readonly int pauseMs;
    private readonly TimeSpan limit;
    private readonly string logPath;
    private Process? session;

    public SlowDatabaseFault(PostgresServer database, int holdMs, int pauseMs, TimeSpan limit, string logPath, TimeProvider time)
        : base(LabFaultCatalog.SlowDatabase, database.Member.Name, ExpectedEntity.OfService(database.Member.Name), time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(holdMs);
        ArgumentOutOfRangeException.ThrowIfNegative(pauseMs);
        this.database = database;
        this.holdMs = holdMs;
        this.pauseMs = pauseMs;
        this.limit = limit;
        this.logPath = logPath;
    }

    public override string Description =>
        $"a session on {database.Member.Name} holds ACCESS EXCLUSIVE on products for {holdMs} ms every {holdMs + pauseMs} ms";

    /// <summary>The loop, one DO block run at top level so that COMMIT inside it releases the lock each round.</summary>
    public string Sql => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        DO $$
        DECLARE stop_at timestamptz := clock_timestamp() + interval '{(int)limit.TotalSeconds} seconds';
        BEGIN
          WHILE clock_timestamp() < stop_at LOOP
            LOCK TABLE products IN ACCESS EXCLUSIVE MODE;
            PERFORM pg_sleep({holdMs / 1000.0});
            COMMIT;
            PERFORM pg_sleep({pauseMs / 1000.0});
          END LOOP;
        END $$;
        """);

    private protected override async Task ApplyCoreAsync(CancellationToken cancellationToken)
    {
        session = MemberLauncher.Start(new MemberCommand(
            Name,
            database.Psql,
            database.PsqlArguments(PostgresServer.Database, Sql),
            database.Member.Namespace,
            [],
            logPath,
            Environment: new Dictionary<string, string> { ["PGAPPNAME"] = ApplicationName }));

        // Applied once the session holds the lock; a missing table or a refused session ends psql with the reason.
        var started = TimeProvider.System.GetTimestamp();
        var check = $"SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.application_name = '{ApplicationName}' AND l.mode = 'AccessExclusiveLock' AND l.relation = 'products'::regclass";
        while (true)
        {
            if (session.HasExited)
            {
                throw new LabException($"the lock session on {database.Member.Name} ended (exit code {session.ExitCode}); last lines of {logPath}:{Environment.NewLine}{LogTail.Read(logPath)}");
            }

            var held = await ProcessRunner.RunAsync(database.Psql, database.PsqlArguments(PostgresServer.Database, check), cancellationToken);
            if (held.Succeeded && held.StandardOutput.Trim() != "0")
            {
                return;
            }

            if (TimeProvider.System.GetElapsedTime(started) > VerifyTimeout)
            {
                throw new LabException($"the lock session on {database.Member.Name} did not hold the lock on products within {VerifyTimeout.TotalSeconds:0} s ({held.StandardError.Trim()}); last lines of {logPath}:{Environment.NewLine}{LogTail.Read(logPath)}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private protected override async Task RemoveCoreAsync(CancellationToken cancellationToken)
    {
        // Terminating the backend releases the lock at once, even mid pg_sleep; then psql ends by itself.
        var terminate = await ProcessRunner.RunAsync(
            database.Psql,
            database.PsqlArguments("postgres", $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{ApplicationName}'"),
            cancellationToken);
        if (session is { } process)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Ended already.
            }

            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            process.Dispose();
            session = null;
        }

        if (!terminate.Succeeded)
        {
            throw new LabCommandException(terminate.CommandLine, terminate.ExitCode, terminate.StandardError.Trim(), $"failed with exit code {terminate.ExitCode}");
        }

        // pg_terminate_backend only signals: removed means the backend is gone and its lock with it.
        var started = TimeProvider.System.GetTimestamp();
        var count = $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{ApplicationName}'";
        while ((await database.QueryAsync("postgres", count, cancellationToken)).Trim() != "0")
        {
            if (TimeProvider.System.GetElapsedTime(started) > VerifyTimeout)
            {
                throw new LabException($"the lock session on {database.Member.Name} was still there {VerifyTimeout.TotalSeconds:0} s after pg_terminate_backend");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
