using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Hosting;
using RootCause.Lab.Service.Catalog;
using RootCause.Lab.Service.Shop;

namespace RootCause.Lab.Service.Load;

/// <summary>
/// An open-loop load generator: requests leave at a steady rate whatever the gateway's latency, so a fault shows as
/// latency and errors rather than as fewer requests. At most <see cref="MaximumInFlight"/> wait for an answer; a
/// request due beyond that is dropped and counted, never queued. Keep-alive HTTP/1.1 over one pooled handler.
/// </summary>
internal sealed class LoadGenerator : BackgroundService
{
    public const int DefaultUsers = 300;

    public const int DefaultMaximumInFlight = 64;

    public static readonly TimeSpan SummaryInterval = TimeSpan.FromSeconds(10);

    /// <summary>Longer than the gateway's longest upstream timeout, so the gateway's own answer to a fault is what we see.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly double rate;
    private readonly TimeProvider time;
    private readonly TextWriter summaries;
    private readonly Random random;
    private readonly int users;
    private readonly HttpClient client;

    // Users that were sent an add-to-cart since their last checkout: checkouts go to them, as real ones would.
    private readonly bool[] holdsCart;
    private int inFlight;

    public LoadGenerator(Uri target, double rate, TimeProvider time, TextWriter summaries, Random random, int maximumInFlight = DefaultMaximumInFlight, int users = DefaultUsers)
    {
        this.rate = rate;
        this.time = time;
        this.summaries = summaries;
        this.random = random;
        this.users = users;
        MaximumInFlight = maximumInFlight;
        holdsCart = new bool[users];
        client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = maximumInFlight,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
        })
        {
            BaseAddress = target,
            Timeout = RequestTimeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    public int MaximumInFlight { get; }

    public LoadCounters Counters { get; } = new();

    public override void Dispose()
    {
        client.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        var issued = 0L;
        var nextSummary = SummaryInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var elapsed = time.GetElapsedTime(started);

                // Request n is due at n / rate; after a stall the missed ones go at once (the in-flight bound caps the burst).
                var due = (long)Math.Floor(elapsed.TotalSeconds * rate) + 1;
                while (issued < due)
                {
                    issued++;
                    Issue();
                }

                if (elapsed >= nextSummary)
                {
                    await summaries.WriteLineAsync(Counters.TakeInterval().ToLine(SummaryInterval));
                    nextSummary += SummaryInterval;
                }

                var wait = TimeSpan.FromSeconds(issued / rate) - time.GetElapsedTime(started);
                await Task.Delay(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Let the answers already on their way arrive (bounded), so the last counts are whole.
        var drainStarted = time.GetTimestamp();
        while (Volatile.Read(ref inFlight) > 0 && time.GetElapsedTime(drainStarted) < DrainTimeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), time, CancellationToken.None);
        }

        await summaries.WriteLineAsync(Counters.TakeInterval().ToLine(time.GetElapsedTime(started) - nextSummary + SummaryInterval));
    }

    private void Issue()
    {
        if (Interlocked.Increment(ref inFlight) > MaximumInFlight)
        {
            Interlocked.Decrement(ref inFlight);
            Counters.CountDropped();
            return;
        }

        Counters.CountSent();
        _ = SendAsync(NextRequest());
    }

    private HttpRequestMessage NextRequest()
    {
        var operation = LoadMix.Choose(random.NextDouble());
        switch (operation)
        {
            case LoadOperation.BrowseList:
                return new HttpRequestMessage(HttpMethod.Get, Invariant($"/api/products?page={random.Next(1, CatalogSeed.PageCount + 1)}"));
            case LoadOperation.BrowseDetail:
                return new HttpRequestMessage(HttpMethod.Get, Invariant($"/api/products/{random.Next(1, CatalogSeed.ProductCount + 1)}"));
            case LoadOperation.AddToCart:
                {
                    var user = random.Next(users);
                    Volatile.Write(ref holdsCart[user], true);
                    var item = new CartItemRequest(random.Next(1, CatalogSeed.ProductCount + 1), random.Next(1, 4));
                    return new HttpRequestMessage(HttpMethod.Post, $"/api/cart/{UserName(user)}/items") { Content = JsonContent.Create(item) };
                }

            case LoadOperation.ViewCart:
                return new HttpRequestMessage(HttpMethod.Get, $"/api/cart/{UserName(random.Next(users))}");
            default:
                {
                    var user = UserWithCart();
                    Volatile.Write(ref holdsCart[user], false);
                    return new HttpRequestMessage(HttpMethod.Post, $"/api/checkout/{UserName(user)}") { Content = new ByteArrayContent([]) };
                }
        }
    }

    private int UserWithCart()
    {
        var first = random.Next(users);
        for (var i = 0; i < users; i++)
        {
            var user = (first + i) % users;
            if (Volatile.Read(ref holdsCart[user]))
            {
                return user;
            }
        }

        return first;
    }

    /// <summary>Sends one request and counts its answer; not cancelled on stop, so the last answers still count (the timeout bounds it).</summary>
    private async Task SendAsync(HttpRequestMessage request)
    {
        // Off the pacing loop at once: a refused connection fails synchronously, and its exceptions would delay the next request.
        await Task.Yield();
        var started = time.GetTimestamp();
        var succeeded = false;
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead))
            {
                succeeded = response.IsSuccessStatusCode;
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // Counted as an error below; a load generator that logs per request drowns the lab's log.
        }
        finally
        {
            Counters.CountAnswer(succeeded, time.GetElapsedTime(started));
            Interlocked.Decrement(ref inFlight);
        }
    }

    private static string UserName(int user) => Invariant($"user-{user}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
