using RootCause.Lab.Service.Shop;
using RootCause.Lab.Service.Upstreams;

namespace RootCause.Lab.Service.Roles;

/// <summary>Checks a cart out: reads it from cart, charges its total through payment, then empties it.</summary>
internal sealed class CheckoutRole(UpstreamClient cart, UpstreamClient payment) : IShopRole
{
    public const string Currency = "EUR";

    public static CheckoutRole Create(ServiceOptions options) => new(
        new UpstreamClient("cart", options.Upstream("cart"), UpstreamClient.DefaultTimeout),
        new UpstreamClient("payment", options.Upstream("payment"), UpstreamClient.DefaultTimeout));

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Map(IEndpointRouteBuilder routes) => routes.MapPost("/checkout/{user}", CheckoutAsync);

    public ValueTask DisposeAsync()
    {
        cart.Dispose();
        payment.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<IResult> CheckoutAsync(string user, CancellationToken cancellationToken)
    {
        if (!ShopUser.IsValid(user))
        {
            return Failure(StatusCodes.Status400BadRequest, "user must be 1-64 letters, digits, '-' or '_'");
        }

        var read = await cart.GetAsync($"/carts/{user}", cancellationToken);
        if (!read.IsSuccess)
        {
            return read.Relay(cart.Name);
        }

        if (ShopJson.Read<CartView>(read.Body) is not { Lines: not null } contents)
        {
            return Failure(StatusCodes.Status502BadGateway, "cart: unreadable cart");
        }

        if (contents.Lines.Count == 0)
        {
            return Failure(StatusCodes.Status409Conflict, "cart is empty");
        }

        var charged = await payment.PostAsync("/charge", new ChargeRequest(user, contents.TotalCents, Currency), cancellationToken);
        if (!charged.IsSuccess)
        {
            return charged.Relay(payment.Name);
        }

        if (ShopJson.Read<Receipt>(charged.Body) is not { ReceiptId: not null } receipt)
        {
            return Failure(StatusCodes.Status502BadGateway, "payment: unreadable receipt");
        }

        var emptied = await cart.DeleteAsync($"/carts/{user}", cancellationToken);
        return emptied.IsSuccess
            ? Results.Ok(new CheckoutResult(user, contents.Lines.Sum(l => l.Quantity), contents.TotalCents, receipt.ReceiptId))
            : emptied.Relay(cart.Name);
    }

    private static IResult Failure(int status, string why) => Results.Json(new { error = why }, statusCode: status);
}
