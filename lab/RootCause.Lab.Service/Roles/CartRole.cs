using System.Globalization;
using System.Net.Sockets;
using RootCause.Lab.Service.Redis;
using RootCause.Lab.Service.Shop;

namespace RootCause.Lab.Service.Roles;

/// <summary>
/// Carts in Redis, one hash per user (<c>cart:USER</c>): field <c>qty:ID</c> counts a product (HINCRBY) and
/// <c>price:ID</c> keeps its unit price in cents; HGETALL reads the cart and DEL empties it.
/// </summary>
internal sealed class CartRole(RespClient redis) : IShopRole
{
    /// <summary>An abandoned cart expires, so the cache stays bounded however long the lab runs.</summary>
    public static readonly TimeSpan CartLifetime = TimeSpan.FromHours(24);

    private const string QuantityField = "qty:";
    private const string PriceField = "price:";

    public static string Key(string user) => "cart:" + user;

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/carts/{user}/items", AddAsync);
        routes.MapGet("/carts/{user}", ReadAsync);
        routes.MapDelete("/carts/{user}", EmptyAsync);
    }

    public ValueTask DisposeAsync()
    {
        redis.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Reads a cart from HGETALL's field/value pairs; fields that are not ours are ignored.</summary>
    public static CartView ToCart(string user, RespValue hash)
    {
        var quantities = new SortedDictionary<int, int>();
        var prices = new Dictionary<int, int>();
        var items = hash.Items ?? [];
        for (var i = 0; i + 1 < items.Count; i += 2)
        {
            var field = items[i].Text ?? string.Empty;
            if (!int.TryParse(items[i + 1].Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            if (field.StartsWith(QuantityField, StringComparison.Ordinal) && ProductId(field, QuantityField) is { } counted && value > 0)
            {
                quantities[counted] = value;
            }
            else if (field.StartsWith(PriceField, StringComparison.Ordinal) && ProductId(field, PriceField) is { } priced)
            {
                prices[priced] = value;
            }
        }

        var lines = quantities.Select(q => new CartLine(q.Key, q.Value, prices.GetValueOrDefault(q.Key))).ToList();
        return new CartView(user, lines, lines.Sum(l => (long)l.Quantity * l.PriceCents));
    }

    private static int? ProductId(string field, string prefix) =>
        int.TryParse(field.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private Task<IResult> AddAsync(string user, CartLine line, CancellationToken cancellationToken)
    {
        if (!ShopUser.IsValid(user) || line.ProductId <= 0 || line.Quantity is < 1 or > CartItemRequest.MaximumQuantity || line.PriceCents < 0)
        {
            return Task.FromResult(Results.Json(new { error = "need a plain user name and a line with productId, quantity and priceCents" }, statusCode: StatusCodes.Status400BadRequest));
        }

        var key = Key(user);
        var id = line.ProductId.ToString(CultureInfo.InvariantCulture);
        return CacheAsync(
            async token =>
            {
                var replies = await redis.PipelineAsync(
                    [
                        ["HINCRBY", key, QuantityField + id, line.Quantity.ToString(CultureInfo.InvariantCulture)],
                        ["HSET", key, PriceField + id, line.PriceCents.ToString(CultureInfo.InvariantCulture)],
                        ["EXPIRE", key, ((long)CartLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture)],
                    ],
                    token);
                return replies.FirstOrDefault(r => r.IsError) is { } refused
                    ? Refused(refused)
                    : Results.Ok(new CartLine(line.ProductId, (int)replies[0].Integer, line.PriceCents));
            },
            cancellationToken);
    }

    private Task<IResult> ReadAsync(string user, CancellationToken cancellationToken) =>
        !ShopUser.IsValid(user)
            ? Task.FromResult(BadUser())
            : CacheAsync(
                async token => await redis.ExecuteAsync(["HGETALL", Key(user)], token) is { IsError: false } hash
                    ? Results.Ok(ToCart(user, hash))
                    : Results.Json(new { error = "cart-cache refused HGETALL" }, statusCode: StatusCodes.Status502BadGateway),
                cancellationToken);

    private Task<IResult> EmptyAsync(string user, CancellationToken cancellationToken) =>
        !ShopUser.IsValid(user)
            ? Task.FromResult(BadUser())
            : CacheAsync(
                async token => await redis.ExecuteAsync(["DEL", Key(user)], token) is { IsError: true } refused
                    ? Refused(refused)
                    : Results.NoContent(),
                cancellationToken);

    private static async Task<IResult> CacheAsync(Func<CancellationToken, Task<IResult>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (SocketException e)
        {
            return Failure(StatusCodes.Status503ServiceUnavailable, $"cart-cache: cannot connect ({e.Message})");
        }
        catch (IOException e)
        {
            return Failure(StatusCodes.Status503ServiceUnavailable, $"cart-cache: connection lost ({e.Message})");
        }
        catch (TimeoutException e)
        {
            return Failure(StatusCodes.Status504GatewayTimeout, $"cart-cache: {e.Message}");
        }
        catch (RespProtocolException e)
        {
            return Failure(StatusCodes.Status502BadGateway, $"cart-cache: bad reply ({e.Message})");
        }
    }

    private static IResult Refused(RespValue error) => Failure(StatusCodes.Status502BadGateway, $"cart-cache refused: {error.Text}");

    private static IResult BadUser() => Failure(StatusCodes.Status400BadRequest, "user must be 1-64 letters, digits, '-' or '_'");

    private static IResult Failure(int status, string why) => Results.Json(new { error = why }, statusCode: status);
}
