using Npgsql;
using RootCause.Lab.Service.Catalog;
using RootCause.Lab.Service.Shop;

namespace RootCause.Lab.Service.Roles;

/// <summary>Products from PostgreSQL: a page in id order and one product by id.</summary>
internal sealed class CatalogRole(CatalogDatabase database, TimeProvider time) : IShopRole
{
    /// <summary>Highest page asked for; past the seeded products a page is empty, but the offset stays bounded.</summary>
    public const int MaximumPage = 1000;

    /// <summary>Each query gets this long, below the gateway's timeout, so a slow database shows as the catalog's own 504.</summary>
    public static readonly TimeSpan QueryBudget = TimeSpan.FromMilliseconds(1500);

    public Task PrepareAsync(CancellationToken cancellationToken) => database.PrepareAsync(time, cancellationToken);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/products", ListAsync);
        routes.MapGet("/products/{id:int}", GetAsync);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private Task<IResult> ListAsync(int? page, CancellationToken cancellationToken)
    {
        var wanted = page ?? 1;
        return wanted is < 1 or > MaximumPage
            ? Task.FromResult(Results.Json(new { error = $"page must be within [1, {MaximumPage}]" }, statusCode: StatusCodes.Status400BadRequest))
            : QueryAsync(async token => Results.Ok(new ProductPage(wanted, CatalogSeed.PageSize, await database.PageAsync(wanted, token))), cancellationToken);
    }

    private Task<IResult> GetAsync(int id, CancellationToken cancellationToken) =>
        QueryAsync(
            async token => await database.ProductAsync(id, token) is { } product
                ? Results.Ok(product)
                : Results.Json(new { error = $"no product {id}" }, statusCode: StatusCodes.Status404NotFound),
            cancellationToken);

    private async Task<IResult> QueryAsync(Func<CancellationToken, Task<IResult>> query, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(QueryBudget);
        try
        {
            return await query(budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failure(StatusCodes.Status504GatewayTimeout, $"catalog-db: no answer within {QueryBudget.TotalSeconds:0.#} s");
        }
        catch (PostgresException e)
        {
            return Failure(StatusCodes.Status502BadGateway, $"catalog-db: {e.SqlState} {e.MessageText}");
        }
        catch (NpgsqlException e)
        {
            database.ClearPool();
            return Failure(StatusCodes.Status503ServiceUnavailable, $"catalog-db: {(e.InnerException ?? e).Message}");
        }
    }

    private static IResult Failure(int status, string why) => Results.Json(new { error = why }, statusCode: status);
}
