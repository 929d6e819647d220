using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RootCause.Analysis.FaultTrees;
using RootCause.Server.Hosting;
using RootCause.Server.Reports;

namespace RootCause.Server.Tests.Integration;

/// <summary>The real host on a free loopback port, with the in-memory bus and a <see cref="ReportProbe"/> subscribed.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app)
    {
        App = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        Inbox = app.Services.GetRequiredService<ReportInbox>();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public ReportInbox Inbox { get; }

    /// <summary>Most host tests run without trees, so they test the host rather than the rules.</summary>
    public static FaultTreeSet NoFaultTrees { get; } = FaultTreeSet.Parse([]).Set!;

    /// <summary>The trees shipped in fault-trees/, copied beside the binaries by the Server project.</summary>
    public static string ShippedFaultTrees { get; } = Path.Combine(AppContext.BaseDirectory, "fault-trees");

    public static async Task<TestHost> StartAsync(Action<RootCauseHostOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var options = new RootCauseHostOptions { Urls = "http://127.0.0.1:0", FaultTrees = NoFaultTrees };
        configure?.Invoke(options);
        var app = RootCauseHost.Build(
            options,
            s =>
            {
                s.AddSingleton<ReportInbox>();
                services?.Invoke(s);
            },
            bus => bus.AddConsumer<ReportProbe>());
        await app.StartAsync();
        return new TestHost(app);
    }

    public async Task<JsonElement> HealthAsync()
    {
        using var response = await Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Waits until the consumer has ingested <paramref name="batches"/> batches (the bus delivers asynchronously).</summary>
    public async Task WaitForBatchesAsync(int batches)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await HealthAsync()).GetProperty("batches").GetInt32() >= batches)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"The store did not reach {batches} batches.");
    }

    /// <summary>Polls an analysis until it leaves queued/running.</summary>
    public async Task<JsonElement> WaitForAnalysisAsync(Guid id, params string[] until)
    {
        string[] states = until.Length == 0 ? ["done", "failed"] : until;
        JsonElement last = default;
        for (var i = 0; i < 300; i++)
        {
            last = await Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/analyses/{id:D}", UriKind.Relative), ReportJson.Options);
            if (states.Contains(last.GetProperty("status").GetString()))
            {
                return last;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Analysis {id} stayed {last.GetProperty("status")}.");
        return last;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
