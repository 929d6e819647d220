using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using RootCause.Lab.Service;
using RootCause.Lab.Service.Redis;
using RootCause.Lab.Service.Roles;
using RootCause.Lab.Service.Shop;

namespace RootCause.Lab.Tests.Service;

/// <summary>The cart role over HTTP against a real redis-server.</summary>
public sealed class CartRoleTests
{
    [ServerFact(LabServers.Redis)]
    public async Task Items_add_up_per_product_the_cart_reads_back_with_its_total_and_empties()
    {
        await using var redis = await ThrowAwayRedis.StartAsync();
        await using var cart = await RunningService.StartAsync(ServiceRole.Cart, redis: redis.EndPoint);

        using var first = await cart.Client.PostAsJsonAsync("/carts/al/items", new CartLine(7, 2, 777));
        using var again = await cart.Client.PostAsJsonAsync("/carts/al/items", new CartLine(7, 1, 777));
        using var other = await cart.Client.PostAsJsonAsync("/carts/al/items", new CartLine(3, 1, 1000));
        var full = await cart.Client.GetFromJsonAsync<CartView>("/carts/al");
        using var emptied = await cart.Client.DeleteAsync("/carts/al");
        var empty = await cart.Client.GetFromJsonAsync<CartView>("/carts/al");

        Assert.Equal(new CartLine(7, 3, 777), await again.Content.ReadFromJsonAsync<CartLine>());
        Assert.Equal([new CartLine(3, 1, 1000), new CartLine(7, 3, 777)], full!.Lines);
        Assert.Equal(3331, full.TotalCents);
        Assert.Equal(HttpStatusCode.NoContent, emptied.StatusCode);
        Assert.Empty(empty!.Lines);
        Assert.Equal(0, empty.TotalCents);
    }

    [ServerFact(LabServers.Redis)]
    public async Task A_cart_expires_so_the_cache_stays_bounded()
    {
        await using var redis = await ThrowAwayRedis.StartAsync();
        await using var cart = await RunningService.StartAsync(ServiceRole.Cart, redis: redis.EndPoint);
        using var client = new RespClient(redis.EndPoint);

        using var added = await cart.Client.PostAsJsonAsync("/carts/bo/items", new CartLine(1, 1, 100));

        Assert.InRange((await client.ExecuteAsync(["TTL", CartRole.Key("bo")], default)).Integer, 86_000, 86_400);
    }

    [ServerFact(LabServers.Redis)]
    public async Task A_stopped_cache_is_503_at_once_and_a_restarted_one_serves_again()
    {
        await using var redis = await ThrowAwayRedis.StartAsync();
        await using var cart = await RunningService.StartAsync(ServiceRole.Cart, redis: redis.EndPoint);
        using var before = await cart.Client.GetAsync("/carts/cy");

        await redis.StopAsync();
        var waited = Stopwatch.StartNew();
        using var down = await cart.Client.GetAsync("/carts/cy");
        var took = waited.Elapsed;
        await redis.RestartAsync();
        using var after = await cart.Client.GetAsync("/carts/cy");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.StartsWith("""{"error":"cart-cache: cannot connect (Connection refused""", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(took, TimeSpan.Zero, TimeSpan.FromMilliseconds(900));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_cache_that_never_answers_is_504()
    {
        using var silent = new SilentServer();
        await using var cart = await RunningService.StartAsync(ServiceRole.Cart, redis: silent.EndPoint);

        using var response = await cart.Client.GetAsync("/carts/di");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("""{"error":"cart-cache: redis 127.0.0.1:""" + silent.EndPoint.Port + """: no answer within 1000 ms (HGETALL)"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_hash_with_foreign_or_broken_fields_reads_as_the_lines_it_can_make()
    {
        var hash = RespValue.List(
        [
            RespValue.Bulk("qty:7"), RespValue.Bulk("2"),
            RespValue.Bulk("price:7"), RespValue.Bulk("777"),
            RespValue.Bulk("qty:8"), RespValue.Bulk("0"),
            RespValue.Bulk("qty:x"), RespValue.Bulk("1"),
            RespValue.Bulk("qty:9"), RespValue.Bulk("lots"),
            RespValue.Bulk("note"), RespValue.Bulk("3"),
            RespValue.Bulk("qty:4"), RespValue.Bulk("1"),
            RespValue.Bulk("dangling"),
        ]);

        var cart = CartRole.ToCart("al", hash);

        Assert.Equal([new CartLine(4, 1, 0), new CartLine(7, 2, 777)], cart.Lines);
        Assert.Equal(1554, cart.TotalCents);
    }
}
