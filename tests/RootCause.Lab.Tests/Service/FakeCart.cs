using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RootCause.Lab.Service.Shop;

namespace RootCause.Lab.Tests.Service;

/// <summary>The cart service's three routes over an in-memory dictionary, recording what it was asked.</summary>
internal sealed class FakeCart : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<CartLine>> carts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> requests = new();
    private FakeServer? server;

    public Uri Address => server!.Address;

    /// <summary>Method and path of every request, in order.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    public IReadOnlyList<CartLine> Lines(string user) => carts.TryGetValue(user, out var lines) ? [.. lines] : [];

    public void Fill(string user, params CartLine[] lines) => carts[user] = [.. lines];

    public static async Task<FakeCart> StartAsync()
    {
        var cart = new FakeCart();
        cart.server = await FakeServer.StartAsync(app =>
        {
            app.MapPost("/carts/{user}/items", (HttpContext c, string user, CartLine line) =>
            {
                cart.Record(c);
                cart.carts.GetOrAdd(user, _ => []).Add(line);
                return Results.Ok(line);
            });
            app.MapGet("/carts/{user}", (HttpContext c, string user) =>
            {
                cart.Record(c);
                var lines = cart.Lines(user);
                return Results.Ok(new CartView(user, lines, lines.Sum(l => (long)l.Quantity * l.PriceCents)));
            });
            app.MapDelete("/carts/{user}", (HttpContext c, string user) =>
            {
                cart.Record(c);
                cart.carts.TryRemove(user, out _);
                return Results.NoContent();
            });
        });
        return cart;
    }

    public ValueTask DisposeAsync() => server!.DisposeAsync();

    private void Record(HttpContext context) => requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
}
