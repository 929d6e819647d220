using Microsoft.AspNetCore.Mvc;
using RootCause.Lab.Service.Catalog;
using RootCause.Lab.Service.Shop;
using RootCause.Lab.Service.Upstreams;

namespace RootCause.Lab.Service.Roles;

/// <summary>The shop's public API: browses through catalog, keeps carts through cart (prices from catalog), checks out through checkout.</summary>
internal sealed class GatewayRole(UpstreamClient catalog, UpstreamClient cart, UpstreamClient checkout) : IShopRole
{
    public static GatewayRole Create(ServiceOptions options) => new(
        new UpstreamClient("catalog", options.Upstream("catalog"), UpstreamClient.DefaultTimeout),
        new UpstreamClient("cart", options.Upstream("cart"), UpstreamClient.DefaultTimeout),
        new UpstreamClient("checkout", options.Upstream("checkout"), UpstreamClient.ChainTimeout));

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/products", ListProductsAsync);
        routes.MapGet("/api/products/{id:int}", GetProductAsync);
        routes.MapPost("/api/cart/{user}/items", AddToCartAsync);
        routes.MapGet("/api/cart/{user}", ViewCartAsync);
        routes.MapPost("/api/checkout/{user}", CheckoutAsync);
    }

    public ValueTask DisposeAsync()
    {
        catalog.Dispose();
        cart.Dispose();
        checkout.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<IResult> ListProductsAsync(int? page, CancellationToken cancellationToken)
    {
        var wanted = page ?? 1;
        return wanted < 1 || wanted > CatalogRole.MaximumPage
            ? BadRequest($"page must be within [1, {CatalogRole.MaximumPage}]")
            : (await catalog.GetAsync($"/products?page={wanted}", cancellationToken)).Relay(catalog.Name);
    }

    private async Task<IResult> GetProductAsync(int id, CancellationToken cancellationToken) =>
        (await catalog.GetAsync($"/products/{id}", cancellationToken)).Relay(catalog.Name);

    private async Task<IResult> AddToCartAsync(string user, [FromBody] CartItemRequest item, CancellationToken cancellationToken)
    {
        if (!ShopUser.IsValid(user) || !item.IsValid)
        {
            return BadRequest($"need a plain user name and {{\"productId\": >0, \"quantity\": 1-{CartItemRequest.MaximumQuantity}}}");
        }

        // The price comes from the catalog, as in a real shop: a client never sets it.
        var found = await catalog.GetAsync($"/products/{item.ProductId}", cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Relay(catalog.Name);
        }

        if (ShopJson.Read<Product>(found.Body) is not { } product)
        {
            return Results.Json(new { error = "catalog: unreadable product" }, statusCode: StatusCodes.Status502BadGateway);
        }

        var line = new CartLine(product.Id, item.Quantity, product.PriceCents);
        return (await cart.PostAsync($"/carts/{user}/items", line, cancellationToken)).Relay(cart.Name);
    }

    private async Task<IResult> ViewCartAsync(string user, CancellationToken cancellationToken) =>
        ShopUser.IsValid(user)
            ? (await cart.GetAsync($"/carts/{user}", cancellationToken)).Relay(cart.Name)
            : BadRequest("user must be 1-64 letters, digits, '-' or '_'");

    private async Task<IResult> CheckoutAsync(string user, CancellationToken cancellationToken) =>
        ShopUser.IsValid(user)
            ? (await checkout.SendAsync(HttpMethod.Post, $"/checkout/{user}", null, cancellationToken)).Relay(checkout.Name)
            : BadRequest("user must be 1-64 letters, digits, '-' or '_'");

    private static IResult BadRequest(string why) => Results.Json(new { error = why }, statusCode: StatusCodes.Status400BadRequest);
}
