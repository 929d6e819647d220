using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using RootCause.Lab.Service;
using RootCause.Lab.Service.Catalog;
using RootCause.Lab.Service.Shop;

namespace RootCause.Lab.Tests.Service;

/// <summary>The catalog role against a real PostgreSQL made for this class (initdb in a temporary folder, a free port).</summary>
public sealed class CatalogRoleTests(ThrowAwayPostgres postgres) : IClassFixture<ThrowAwayPostgres>
{
    [ServerFact(LabServers.Postgres)]
    public async Task A_fresh_database_gets_the_table_and_its_seed_and_serves_pages_and_products()
    {
        var database = await CreateDatabaseAsync();
        await using var catalog = await RunningService.StartAsync(ServiceRole.Catalog, postgres: database);

        using var first = await catalog.Client.GetAsync("/products?page=1");
        var body = await first.Content.ReadAsByteArrayAsync();
        var page = JsonSerializerRead<ProductPage>(body);
        var last = await catalog.Client.GetFromJsonAsync<ProductPage>($"/products?page={CatalogSeed.PageCount}");
        var beyond = await catalog.Client.GetFromJsonAsync<ProductPage>($"/products?page={CatalogSeed.PageCount + 1}");
        var product = await catalog.Client.GetFromJsonAsync<Product>("/products/42");
        using var missing = await catalog.Client.GetAsync("/products/4242");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(Enumerable.Range(1, 20), page.Products.Select(p => p.Id));
        Assert.InRange(body.Length, 5 * 1024, 20 * 1024);
        Assert.Equal(Enumerable.Range(481, 20), last!.Products.Select(p => p.Id));
        Assert.Empty(beyond!.Products);
        Assert.Equal(CatalogSeed.Product(42), product);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(
            ["id integer NO", "name text NO", "description text NO", "price_cents integer NO", "stock integer NO"],
            await QueryAsync(database, "SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns WHERE table_name = 'products' ORDER BY ordinal_position"));
        Assert.Equal(["products_pkey"], await QueryAsync(database, "SELECT indexname FROM pg_indexes WHERE tablename = 'products'"));
    }

    [ServerFact(LabServers.Postgres)]
    public async Task Catalogs_starting_together_or_again_seed_once()
    {
        var database = await CreateDatabaseAsync();
        await using var one = new CatalogDatabase(database);
        await using var two = new CatalogDatabase(database);

        await Task.WhenAll(one.PrepareAsync(TimeProvider.System, default), two.PrepareAsync(TimeProvider.System, default));
        await one.PrepareAsync(TimeProvider.System, default);

        Assert.Equal(["500"], await QueryAsync(database, "SELECT count(*)::text FROM products"));
    }

    [ServerFact(LabServers.Postgres)]
    public async Task Locks_held_on_products_make_the_catalog_answer_504_within_its_budget_and_leave_no_waiting_query()
    {
        var database = await CreateDatabaseAsync();
        await using var catalog = await RunningService.StartAsync(ServiceRole.Catalog, postgres: database);
        await using var lab = new NpgsqlConnection(database);
        await lab.OpenAsync();
        await using var locking = await lab.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE products IN ACCESS EXCLUSIVE MODE", lab, locking))
        {
            await command.ExecuteNonQueryAsync();
        }

        var waited = Stopwatch.StartNew();
        using var blocked = await catalog.Client.GetAsync("/products/1");
        var took = waited.Elapsed;
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        var waiting = await QueryAsync(database, "SELECT count(*)::text FROM pg_stat_activity WHERE application_name = 'rootcause-lab-catalog' AND wait_event_type = 'Lock'");
        await locking.RollbackAsync();
        using var released = await catalog.Client.GetAsync("/products/1");

        Assert.Equal(HttpStatusCode.GatewayTimeout, blocked.StatusCode);
        Assert.Equal("""{"error":"catalog-db: no answer within 1.5 s"}""", await blocked.Content.ReadAsStringAsync());
        Assert.InRange(took, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(2.2));
        Assert.Equal(["0"], waiting);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
    }

    [ServerFact(LabServers.Postgres)]
    public async Task A_database_that_is_down_is_503_and_one_that_starts_late_is_waited_for()
    {
        var database = await CreateDatabaseAsync();
        await using var catalog = await RunningService.StartAsync(ServiceRole.Catalog, postgres: database);
        await using var late = new CatalogDatabase(await CreateDatabaseAsync());

        await postgres.StopAsync();
        Task preparing;
        HttpResponseMessage down;
        try
        {
            down = await catalog.Client.GetAsync("/products/1");
            preparing = late.PrepareAsync(TimeProvider.System, default);
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            Assert.False(preparing.IsCompleted, "the catalog gave up on a database that is not up yet");
        }
        finally
        {
            await postgres.StartAsync();
        }

        await preparing.WaitAsync(TimeSpan.FromSeconds(15));
        using var up = await catalog.Client.GetAsync("/products/1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.StartsWith("""{"error":"catalog-db: """, await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        down.Dispose();
    }

    private static T JsonSerializerRead<T>(byte[] body)
        where T : class => ShopJson.Read<T>(body)!;

    private async Task<string> CreateDatabaseAsync()
    {
        LabServers.Require(LabServers.Postgres);
        return postgres.ConnectionString(await postgres.CreateDatabaseAsync());
    }

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
