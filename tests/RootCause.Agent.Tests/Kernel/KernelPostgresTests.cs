using RootCause.Contracts;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>
/// Loads the real programs and checks what they report about a real PostgreSQL on loopback: the server is a pre-fork
/// server (the postmaster accepts, a backend child reads and writes), psql speaks the simple query protocol and pgbench
/// the extended one.
/// </summary>
[Collection(KernelTestGroup.Name)]
public sealed class KernelPostgresTests
{
    private readonly KernelAgentFixture agent;

    public KernelPostgresTests(KernelAgentFixture agent)
    {
        this.agent = agent;
    }

    [RootFact("setpriv", "chown", "kill", TestPostgresServer.Initdb)]
    public async Task Statements_are_counted_per_kind_and_side_with_errors_latency_and_the_database_kind()
    {
        KernelEnvironment.Require("setpriv", "chown", "kill", TestPostgresServer.Initdb);
        await using var database = await TestPostgresServer.StartAsync();
        var script = Path.Combine(Path.GetTempPath(), $"rc-kt-postgres-{Environment.ProcessId}.sql");
        await File.WriteAllTextAsync(script, "SELECT id, name FROM items ORDER BY id;\nSELECT 1;\nUPDATE items SET name = 'y' WHERE id = 1;\n");
        var select = Path.Combine(Path.GetTempPath(), $"rc-kt-pgbench-select-{Environment.ProcessId}.sql");
        await File.WriteAllTextAsync(select, "SELECT count(*) FROM items WHERE id < 100;\n");
        var update = Path.Combine(Path.GetTempPath(), $"rc-kt-pgbench-update-{Environment.ProcessId}.sql");
        await File.WriteAllTextAsync(update, "UPDATE items SET name = 'z' WHERE id = 2;\n");
        try
        {
            await agent.ResetAsync();

            // Simple query protocol, one session each: 3 + 1 failing + 1 slow SELECT, a CREATE and an INSERT.
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal("1", (await database.PsqlAsync("-c", "SELECT 1")).Output.Trim());
            }

            Assert.Equal(0, (await database.PsqlAsync("-c", "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)")).ExitCode);
            Assert.Equal(0, (await database.PsqlAsync("-c", "INSERT INTO items SELECT g, repeat('x', 60) FROM generate_series(1, 500) g")).ExitCode);
            Assert.NotEqual(0, (await database.PsqlAsync("-c", "SELECT * FROM no_such_table")).ExitCode);
            Assert.Equal(0, (await database.PsqlAsync("-c", "SELECT pg_sleep(0.2)")).ExitCode);

            // One session: a 40 KB result (several writes of the server, most bytes never copied), then two small ones.
            var session = await database.PsqlAsync("-v", "ON_ERROR_STOP=1", "-f", script);
            Assert.Equal(0, session.ExitCode);
            Assert.Equal(502, session.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

            // Extended protocol: a named statement prepared once and executed five times by Bind alone; then an unnamed
            // statement parsed for each of three executions.
            var prepared = await database.PgbenchAsync("-n", "-M", "prepared", "-t", "5", "-f", select);
            Assert.True(prepared.ExitCode == 0, prepared.ToString());
            var extended = await database.PgbenchAsync("-n", "-M", "extended", "-t", "3", "-f", update);
            Assert.True(extended.ExitCode == 0, extended.ToString());

            var batch = await agent.CollectAsync();
            var server = TestPostgresServer.ServerComm;
            var served = batch.Golden.Where(g => g.Service == server).ToArray();
            var context = string.Join("; ", served.Select(g => $"{g.Caller} {g.Operation} {g.Stats.Requests}/{g.Stats.Errors}")) + " | " + agent.Engine.Counters;

            var psql = TestPostgresServer.PsqlComm;
            Assert.True(Stats(served, psql, "SELECT") is { Requests: 7, Errors: 1 }, context);
            Assert.True(Stats(served, psql, "CREATE") is { Requests: 1, Errors: 0 }, context);
            Assert.True(Stats(served, psql, "INSERT") is { Requests: 1, Errors: 0 }, context);
            Assert.True(Stats(served, psql, "UPDATE") is { Requests: 1, Errors: 0 }, context);
            var pgbench = TestPostgresServer.PgbenchComm;
            Assert.True(Stats(served, pgbench, "SELECT") is { Requests: 6, Errors: 0 }, context);
            Assert.True(Stats(served, pgbench, "UPDATE") is { Requests: 3, Errors: 0 }, context);
            Assert.Equal(19, served.Sum(g => g.Stats.Requests));

            // The client's view: the same requests as calls of psql and pgbench to the database.
            var calls = batch.Calls.Where(c => c.Callee == server).ToArray();
            Assert.Equal(19, calls.Sum(c => c.Stats.Requests));
            var callSelect = calls.Single(c => c.Caller == psql && c.Operation == "SELECT").Stats;
            Assert.Equal((7L, 1L), (callSelect.Requests, callSelect.Errors));
            Assert.Equal(6, calls.Single(c => c.Caller == pgbench && c.Operation == "SELECT").Stats.Requests);

            // pg_sleep(0.2) on both sides; every other statement far below it.
            foreach (var stats in new[] { Stats(served, psql, "SELECT"), callSelect })
            {
                Assert.Equal(1, stats.LatencyCounts[LatencyBuckets.IndexOf(0.2)]);
                Assert.InRange(stats.LatencySumSeconds, 0.2, 0.2 + 0.15);
            }

            // Neither its name (pgsrv-PID) nor its port says so: the protocol does.
            Assert.Equal(ServiceKind.Database, batch.Instances.Single(i => i.Service == server).Kind);
        }
        finally
        {
            File.Delete(script);
            File.Delete(select);
            File.Delete(update);
        }
    }

    private static RequestStats Stats(IEnumerable<GoldenSample> served, string caller, string operation) =>
        served.SingleOrDefault(g => g.Caller == caller && g.Operation == operation)?.Stats ?? new RequestStats(0, 0, 0, 0, new long[LatencyBuckets.Count]);
}
