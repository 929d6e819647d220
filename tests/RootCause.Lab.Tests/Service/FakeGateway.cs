using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RootCause.Lab.Service.Load;

namespace RootCause.Lab.Tests.Service;

/// <summary>
/// The gateway's routes answering at once (or after a delay, or with a status), counting what the load generator sends:
/// operations, users, the most requests in flight at once, and the connections they came on.
/// </summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    private readonly ConcurrentDictionary<LoadOperation, int> operations = new();
    private readonly ConcurrentDictionary<string, byte> connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> usersWithItems = new(StringComparer.Ordinal);
    private readonly TimeSpan delay;
    private readonly int status;
    private FakeServer? server;
    private int inFlight;
    private int checkoutsOfUsersWithItems;

    private FakeGateway(TimeSpan delay, int status)
    {
        this.delay = delay;
        this.status = status;
    }

    public Uri Address => server!.Address;

    public int MostInFlight { get; private set; }

    public int Connections => connections.Count;

    public int CheckoutsOfUsersWithItems => checkoutsOfUsersWithItems;

    public int Count(LoadOperation operation) => operations.GetValueOrDefault(operation);

    public int Total => operations.Values.Sum();

    public static async Task<FakeGateway> StartAsync(TimeSpan delay = default, int status = StatusCodes.Status200OK)
    {
        var gateway = new FakeGateway(delay, status);
        gateway.server = await FakeServer.StartAsync(app =>
        {
            app.MapGet("/api/products", (HttpContext c) => gateway.AnswerAsync(c, LoadOperation.BrowseList, null));
            app.MapGet("/api/products/{id:int}", (HttpContext c) => gateway.AnswerAsync(c, LoadOperation.BrowseDetail, null));
            app.MapPost("/api/cart/{user}/items", (HttpContext c, string user) => gateway.AnswerAsync(c, LoadOperation.AddToCart, user));
            app.MapGet("/api/cart/{user}", (HttpContext c) => gateway.AnswerAsync(c, LoadOperation.ViewCart, null));
            app.MapPost("/api/checkout/{user}", (HttpContext c, string user) => gateway.AnswerAsync(c, LoadOperation.Checkout, user));
        });
        return gateway;
    }

    public ValueTask DisposeAsync() => server!.DisposeAsync();

    private async Task AnswerAsync(HttpContext context, LoadOperation operation, string? user)
    {
        var now = Interlocked.Increment(ref inFlight);
        lock (operations)
        {
            MostInFlight = Math.Max(MostInFlight, now);
        }

        try
        {
            operations.AddOrUpdate(operation, 1, (_, n) => n + 1);
            connections.TryAdd(context.Connection.Id, 0);
            if (operation == LoadOperation.AddToCart)
            {
                usersWithItems.TryAdd(user!, 0);
            }
            else if (operation == LoadOperation.Checkout && usersWithItems.TryRemove(user!, out _))
            {
                Interlocked.Increment(ref checkoutsOfUsersWithItems);
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay);
            }

            context.Response.StatusCode = status;
            await context.Response.WriteAsync("{}");
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
