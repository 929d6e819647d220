using System.Globalization;
using Xunit.Abstractions;

namespace RootCause.Lab.Tests.Infrastructure;

[Collection(OneLabAtATime.Name)]
public sealed class DataStoreTests(ITestOutputHelper output)
{
    [LabHostFact]
    public async Task PostgreSQL_and_Redis_start_in_their_namespaces_and_cgroups_and_answer_over_the_bridge()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = new LabEnvironment();
        try
        {
            await lab.StartAsync(new LabOptions { StartServices = false, WorkDirectory = work }, null, CancellationToken.None);

            // The catalog's credentials work over TCP from catalog's namespace, as Npgsql will use them.
            var user = await LabNetwork.ExecAsync(
                LabLayout.Catalog.Namespace,
                [Path.Combine(PostgresServer.FindBinaries(), "psql"), "-X", "-A", "-t", "-c", "SELECT current_user || ' ' || current_database()",
                 $"host={LabLayout.CatalogDb.Address} port=5432 user=catalog password=catalog dbname=shop"],
                CancellationToken.None);
            Assert.Equal("catalog shop", user.Trim());

            var pong = await LabNetwork.ExecAsync(LabLayout.Cart.Namespace, ["redis-cli", "-h", LabLayout.CartCache.Address.ToString(), "-p", "6379", "PING"], CancellationToken.None);
            Assert.Equal("PONG", pong.Trim());

            var status = lab.ProcessStatus().ToDictionary(s => s.Member);
            Assert.Equal(0, status["catalog-db"].Restarts);
            Assert.Equal(0, status["cart-cache"].Restarts);
            foreach (var (member, ns) in new[] { ("catalog-db", "rclab-catalog-db"), ("cart-cache", "rclab-cart-cache") })
            {
                var pid = status[member].Pid!.Value;
                var identified = await ProcessRunner.RunCheckedAsync("ip", ["netns", "identify", pid.ToString(CultureInfo.InvariantCulture)], CancellationToken.None);
                Assert.Equal(ns, identified.Trim());
                Assert.Contains(pid, lab.Cgroups.Member(member).ProcessIds());
            }

            // PostgreSQL's forked processes (checkpointer, writer, the session's backend) inherited its cgroup.
            Assert.True(lab.Cgroups.Member("catalog-db").ProcessIds().Count >= 4, string.Join(", ", lab.Cgroups.Member("catalog-db").ProcessIds()));
        }
        finally
        {
            Assert.Empty(await lab.StopAsync());
            Directory.Delete(work, recursive: true);
        }

        Assert.Empty(await LabCleanup.FindLeftoversAsync());
    }

    [LabHostFact]
    public async Task Slow_database_makes_the_catalogs_queries_wait_on_its_locks_and_removing_it_ends_the_lock_session()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = new LabEnvironment();
        try
        {
            await lab.StartAsync(new LabOptions { StartServices = false, WorkDirectory = work }, null, CancellationToken.None);
            var database = lab.Postgres!;
            await database.QueryAsync("shop", "CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL); INSERT INTO products SELECT g, 'product ' || g FROM generate_series(1, 100) g; ALTER TABLE products OWNER TO catalog", CancellationToken.None);
            var settings = new LabFaultSettings();
            var fault = new SlowDatabaseFault(database, settings.LockHoldMs, settings.LockPauseMs, settings.LockSessionLimit, Path.Combine(work, "lock.log"), TimeProvider.System);

            var before = await TenCatalogQueriesAsync();
            await fault.ApplyAsync(CancellationToken.None);
            var during = await TenCatalogQueriesAsync();
            var removing = TimeProvider.System.GetTimestamp();
            await fault.RemoveAsync(CancellationToken.None);
            var removal = TimeProvider.System.GetElapsedTime(removing);
            var after = await TenCatalogQueriesAsync();
            var sessions = await database.QueryAsync("postgres", $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{SlowDatabaseFault.ApplicationName}'", CancellationToken.None);
            output.WriteLine($"ten catalog queries 100 ms apart: {before.TotalSeconds:0.00} s before, {during.TotalSeconds:0.00} s under the locks, {after.TotalSeconds:0.00} s after; removal took {removal.TotalSeconds:0.00} s");

            // The queries are spread over the lock's cycle, as the service's are: most of them wait on a lock.
            Assert.True(before < TimeSpan.FromSeconds(2), $"{before}");
            Assert.True(during - before > TimeSpan.FromSeconds(0.8), $"ten queries under {fault.Description} took {during}, {before} without");
            Assert.True(after < TimeSpan.FromSeconds(2), $"{after}");
            Assert.Equal("0", sessions.Trim());
        }
        finally
        {
            Assert.Empty(await lab.StopAsync());
            Directory.Delete(work, recursive: true);
        }
    }

    [LabHostFact]
    public async Task Slow_database_without_a_products_table_fails_to_apply_with_the_reason_and_leaves_no_session()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = new LabEnvironment();
        try
        {
            await lab.StartAsync(new LabOptions { StartServices = false, WorkDirectory = work }, null, CancellationToken.None);
            var fault = new SlowDatabaseFault(lab.Postgres!, 400, 100, TimeSpan.FromMinutes(1), Path.Combine(work, "lock.log"), TimeProvider.System);

            var error = await Assert.ThrowsAsync<LabException>(() => fault.ApplyAsync(CancellationToken.None));

            Assert.Contains("relation \"products\" does not exist", error.Message, StringComparison.Ordinal);
            Assert.False(fault.IsApplied);
        }
        finally
        {
            Assert.Empty(await lab.StopAsync());
            Directory.Delete(work, recursive: true);
        }
    }

    [LabHostFact]
    public async Task A_work_folder_under_a_folder_closed_to_other_users_is_refused_before_anything_is_built()
    {
        LabHost.Require();
        var closed = LabHost.NewWorkDirectory();
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var lab = new LabEnvironment();
        try
        {
            var error = await Assert.ThrowsAsync<LabException>(
                () => lab.StartAsync(new LabOptions { StartServices = false, WorkDirectory = Path.Combine(closed, "lab") }, null, CancellationToken.None));

            Assert.Contains($"PostgreSQL runs as postgres and cannot reach the work folder {closed}/lab: {closed} is not searchable by other users", error.Message, StringComparison.Ordinal);
            Assert.Empty(await LabCleanup.FindLeftoversAsync());
        }
        finally
        {
            Directory.Delete(closed, recursive: true);
        }
    }

    /// <summary>Ten SELECTs on products 100 ms apart over one TCP session from catalog's namespace, as the catalog service sends them.</summary>
    private static async Task<TimeSpan> TenCatalogQueriesAsync()
    {
        var arguments = new List<string> { Path.Combine(PostgresServer.FindBinaries(), "psql"), "-X", "-q", "-A", "-t" };
        for (var i = 0; i < 10; i++)
        {
            arguments.AddRange(["-c", "SELECT pg_sleep(0.1)", "-c", "SELECT count(*) FROM products"]);
        }

        arguments.Add($"host={LabLayout.CatalogDb.Address} port=5432 user=catalog password=catalog dbname=shop");
        var started = TimeProvider.System.GetTimestamp();
        var rows = await LabNetwork.ExecAsync(LabLayout.Catalog.Namespace, arguments, CancellationToken.None);
        Assert.Equal(Enumerable.Repeat("100", 10), rows.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(r => r.Length > 0));
        return TimeProvider.System.GetElapsedTime(started);
    }
}
