using Npgsql;
using NpgsqlTypes;
using RootCause.Lab.Service.Shop;

namespace RootCause.Lab.Service.Catalog;

/// <summary>
/// The catalog's PostgreSQL: a pooled data source, the schema and seed made at start, and the two queries the shop
/// needs. Both queries read <c>products</c>, so a lab session holding locks on it slows every catalog request.
/// </summary>
internal sealed class CatalogDatabase : IAsyncDisposable
{
    public const string CreateTable =
        "CREATE TABLE IF NOT EXISTS products (id int PRIMARY KEY, name text NOT NULL, description text NOT NULL, price_cents int NOT NULL, stock int NOT NULL)";

    /// <summary>How long the first connection is retried: the database may start after the catalog.</summary>
    public static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Serialises schema and seed between catalogs starting at once (an arbitrary key, ours alone).</summary>
    private const long SeedLockKey = 0x7263_6c61_6201;

    private const string Columns = "id, name, description, price_cents, stock";

    private readonly NpgsqlDataSource dataSource;

    public CatalogDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);

        // Npgsql's defaults (pool 100, connect 15 s, cancel 2 s) replaced only where the connection string left them:
        // a small pool leaves room on the server for the lab's own sessions, and short waits keep faults visible.
        if (builder.MaxPoolSize == 100)
        {
            builder.MaxPoolSize = 30;
        }

        if (builder.Timeout == 15)
        {
            builder.Timeout = 2;
        }

        if (builder.CancellationTimeout == 2000)
        {
            builder.CancellationTimeout = 500;
        }

        builder.ApplicationName ??= "rootcause-lab-catalog";
        dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Connects (retrying for up to <see cref="StartupPatience"/>), creates the table if absent and seeds it if empty.</summary>
    public async Task PrepareAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                await CreateAndSeedAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (time.GetElapsedTime(started) + RetryDelay < StartupPatience)
            {
                await Task.Delay(RetryDelay, time, cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<Product>> PageAsync(int page, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM products ORDER BY id LIMIT $1 OFFSET $2");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = CatalogSeed.PageSize });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (page - 1) * CatalogSeed.PageSize });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<Product?> ProductAsync(int id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM products WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Drops idle connections, so that after the server restarts each request does not meet a dead one first.</summary>
    public void ClearPool() => dataSource.Clear();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static async Task<IReadOnlyList<Product>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var products = new List<Product>(CatalogSeed.PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            products.Add(new Product(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4)));
        }

        return products;
    }

    private async Task CreateAndSeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SeedLockKey}); {CreateTable}", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var count = new NpgsqlCommand("SELECT count(*) FROM products", connection, transaction))
        {
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return;
            }
        }

        await using (var writer = await connection.BeginBinaryImportAsync($"COPY products ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var product in CatalogSeed.All())
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(product.Id, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(product.Name, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(product.Description, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(product.PriceCents, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(product.Stock, NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
