using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RootCause.Lab.Service;
using RootCause.Lab.Service.Shop;

namespace RootCause.Lab.Tests.Service;

/// <summary>
/// Gateway → checkout → payment on loopback ports, each a real role with its own control file; cart and catalog are
/// fakes. What a caller sees when an upstream is healthy, refused, silent, failing or slow.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ShopChainTests : IAsyncLifetime
{
    private static readonly Product Kettle = new(7, "Classic Steel kettle No. 7", "A kettle.", 777, 12);

    private FakeCart cart = null!;
    private FakeServer catalog = null!;
    private RunningService payment = null!;
    private RunningService checkout = null!;
    private RunningService gateway = null!;

    public async Task InitializeAsync()
    {
        cart = await FakeCart.StartAsync();
        catalog = await FakeServer.StartAsync(app =>
        {
            app.MapGet("/products", () => Results.Ok(new ProductPage(1, 20, [Kettle])));
            app.MapGet("/products/{id:int}", (int id) => id == Kettle.Id ? Results.Ok(Kettle) : Results.NotFound(new { error = $"no product {id}" }));
        });
        payment = await RunningService.StartAsync(ServiceRole.Payment);
        checkout = await RunningService.StartAsync(ServiceRole.Checkout, new Dictionary<string, Uri> { ["cart"] = cart.Address, ["payment"] = payment.Address });
        gateway = await StartGatewayAsync(catalog.Address);
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await checkout.DisposeAsync();
        await payment.DisposeAsync();
        await catalog.DisposeAsync();
        await cart.DisposeAsync();
    }

    [Fact]
    public async Task A_checkout_charges_the_cart_total_through_payment_and_then_empties_the_cart()
    {
        cart.Fill("alice", new CartLine(7, 2, 777), new CartLine(9, 1, 1000));

        using var response = await gateway.Client.PostAsync("/api/checkout/alice", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<CheckoutResult>();
        Assert.Equal("alice", result!.User);
        Assert.Equal(3, result.Items);
        Assert.Equal(2554, result.TotalCents);
        Assert.Matches("^rcpt-[0-9a-f]{16}$", result.ReceiptId);
        Assert.Equal(["GET /carts/alice", "DELETE /carts/alice"], cart.Requests);
        Assert.Empty(cart.Lines("alice"));
    }

    [Fact]
    public async Task An_empty_cart_is_a_conflict_and_nothing_is_charged()
    {
        using var response = await gateway.Client.PostAsync("/api/checkout/bob", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("""{"error":"cart is empty"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(["GET /carts/bob"], cart.Requests);
    }

    [Fact]
    public async Task Adding_to_a_cart_takes_the_price_from_the_catalog_and_an_unknown_product_is_404()
    {
        using var added = await gateway.Client.PostAsJsonAsync("/api/cart/carol/items", new { productId = 7, quantity = 2 });
        using var unknown = await gateway.Client.PostAsJsonAsync("/api/cart/carol/items", new { productId = 8, quantity = 1 });
        using var invalid = await gateway.Client.PostAsJsonAsync("/api/cart/carol/items", new { productId = 7, quantity = 0 });
        using var badUser = await gateway.Client.GetAsync("/api/cart/carol%3Aadmin");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal([new CartLine(7, 2, 777)], cart.Lines("carol"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badUser.StatusCode);
    }

    [Fact]
    public async Task Browsing_relays_the_catalogs_answer()
    {
        using var page = await gateway.Client.GetAsync("/api/products?page=1");
        using var product = await gateway.Client.GetAsync("/api/products/7");
        using var badPage = await gateway.Client.GetAsync("/api/products?page=0");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(Kettle, (await page.Content.ReadFromJsonAsync<ProductPage>())!.Products.Single());
        Assert.Equal(Kettle, await product.Content.ReadFromJsonAsync<Product>());
        Assert.Equal("application/json; charset=utf-8", product.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Fact]
    public async Task An_upstream_that_is_down_is_503_from_its_caller_at_once_and_502_one_hop_further()
    {
        await using var orphan = await StartGatewayAsync(new Uri($"http://127.0.0.1:{LabServers.FreePort()}/"));
        cart.Fill("dave", new CartLine(7, 1, 777));
        await payment.DisposeAsync();
        payment = await RunningService.StartAsync(ServiceRole.Payment);

        var waited = Stopwatch.StartNew();
        using var browse = await orphan.Client.GetAsync("/api/products?page=1");
        var browseTook = waited.Elapsed;
        using var pay = await gateway.Client.PostAsync("/api/checkout/dave", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, browse.StatusCode);
        Assert.StartsWith("""{"error":"catalog: cannot connect (Connection refused""", await browse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(browseTook, TimeSpan.Zero, TimeSpan.FromMilliseconds(900));

        // Checkout's payment upstream (the first payment's port) now refuses: checkout says 503, the gateway 502.
        Assert.Equal(HttpStatusCode.BadGateway, pay.StatusCode);
        Assert.Equal("""{"error":"checkout answered 503"}""", await pay.Content.ReadAsStringAsync());
        Assert.Equal([new CartLine(7, 1, 777)], cart.Lines("dave"));
    }

    [Fact]
    public async Task An_upstream_that_never_answers_is_504_after_the_timeout_not_a_hang()
    {
        using var silent = new SilentServer();
        await using var stuck = await StartGatewayAsync(silent.Address);

        var waited = Stopwatch.StartNew();
        using var response = await stuck.Client.GetAsync("/api/products/7");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("""{"error":"catalog: no answer within 2 s"}""", await response.Content.ReadAsStringAsync());
        Assert.InRange(waited.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task An_upstream_that_answers_garbage_is_502()
    {
        using var broken = new SilentServer("SMTP ready\r\n\r\n"u8.ToArray());
        await using var misled = await StartGatewayAsync(broken.Address);

        using var response = await misled.Client.GetAsync("/api/products/7");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("""{"error":"catalog: """, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_release_on_payment_fails_checkouts_as_502_and_leaves_browsing_alone()
    {
        cart.Fill("erin", new CartLine(7, 1, 777));
        await payment.SwitchAsync("""{"errorRate": 1.0}""");

        using var pay = await gateway.Client.PostAsync("/api/checkout/erin", null);
        using var browse = await gateway.Client.GetAsync("/api/products/7");
        using var health = await payment.Client.GetAsync("/healthz");
        using var direct = await payment.Client.PostAsJsonAsync("/charge", new ChargeRequest("erin", 100, "EUR"));

        Assert.Equal(HttpStatusCode.BadGateway, pay.StatusCode);
        Assert.Equal("""{"error":"checkout answered 502"}""", await pay.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, browse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, direct.StatusCode);
        Assert.Equal("""{"error":"injected error (errorRate switch)"}""", await direct.Content.ReadAsStringAsync());
        Assert.Equal([new CartLine(7, 1, 777)], cart.Lines("erin"));
    }

    [Fact]
    public async Task A_slow_payment_shows_as_latency_of_the_checkout_and_a_slower_one_as_checkouts_504()
    {
        cart.Fill("fred", new CartLine(7, 1, 777));
        await payment.SwitchAsync("""{"addedLatencyMs": 400}""");
        var waited = Stopwatch.StartNew();
        using var slow = await gateway.Client.PostAsync("/api/checkout/fred", null);
        var slowTook = waited.Elapsed;

        cart.Fill("fred", new CartLine(7, 1, 777));
        await payment.SwitchAsync("""{"addedLatencyMs": 2500}""");
        waited.Restart();
        using var stalled = await gateway.Client.PostAsync("/api/checkout/fred", null);
        var stalledTook = waited.Elapsed;

        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        Assert.InRange(slowTook, TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(1500));

        // Checkout gives up on payment at 2 s and answers 504 before the gateway's own 3 s run out.
        Assert.Equal(HttpStatusCode.BadGateway, stalled.StatusCode);
        Assert.Equal("""{"error":"checkout answered 504"}""", await stalled.Content.ReadAsStringAsync());
        Assert.InRange(stalledTook, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(2.9));
    }

    [Theory]
    [InlineData("""{"user": "al", "amountCents": 0, "currency": "EUR"}""", "amountCents must be within [1, 10000000]")]
    [InlineData("""{"user": "al", "amountCents": 100, "currency": "XYZ"}""", "currency must be EUR, USD or GBP")]
    [InlineData("""{"user": "a/l", "amountCents": 100, "currency": "EUR"}""", "user must be 1-64 letters, digits, '-' or '_'")]
    [InlineData("""{"amountCents": 100, "currency": "EUR"}""", "user must be 1-64 letters, digits, '-' or '_'")]
    public async Task Payment_refuses_an_invalid_charge_with_the_reason(string body, string why)
    {
        using var response = await payment.Client.PostAsync("/charge", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(why, (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["error"]);
    }

    [Fact]
    public async Task Payment_answers_a_receipt_for_the_amount_charged()
    {
        using var response = await payment.Client.PostAsJsonAsync("/charge", new ChargeRequest("gina", 4200, "GBP"));

        var receipt = await response.Content.ReadFromJsonAsync<Receipt>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("gina", 4200L, "GBP"), (receipt!.User, receipt.AmountCents, receipt.Currency));
    }

    private async Task<RunningService> StartGatewayAsync(Uri catalogAddress) =>
        await RunningService.StartAsync(ServiceRole.Gateway, new Dictionary<string, Uri>
        {
            ["catalog"] = catalogAddress,
            ["cart"] = cart.Address,
            ["checkout"] = checkout.Address,
        });
}
