using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RootCause.Contracts;
using RootCause.Server.Tests.Integration;

namespace RootCause.Server.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task GET_metrics_serves_the_batches_the_host_ingested_in_the_text_format_0_0_4()
    {
        await using var host = await TestHost.StartAsync();
        var bus = host.App.Services.GetRequiredService<IBus>();
        await bus.Publish(GoldenBatches.Batch(GoldenBatches.Start, [new GoldenSample("gateway", "GET /", "gateway-1", "load", GoldenBatches.Stats(2, 0.3, (6, 3)))]));

        // An invalid batch (a blank service) is dropped by the consumer before the store: it must not show.
        await bus.Publish(GoldenBatches.Batch(GoldenBatches.Start, [new GoldenSample(" ", "GET /", "x-1", "load", GoldenBatches.Stats(0, 0.1, (6, 1)))], agent: "agent-2"));
        await host.WaitForBatchesAsync(1);
        await Task.Delay(200);

        using var response = await host.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var lines = text.Split('\n');
        Assert.Contains("http_server_request_duration_seconds_count{service=\"gateway\",instance=\"gateway-1\",http_route=\"GET /\",caller=\"load\"} 3", lines);
        Assert.Contains("http_server_request_errors_total{service=\"gateway\",instance=\"gateway-1\",http_route=\"GET /\",caller=\"load\"} 2", lines);
        Assert.Contains("rootcause_metrics_series 1", lines);
        Assert.DoesNotContain(lines, l => l.Contains("x-1", StringComparison.Ordinal));
    }
}
