using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RootCause.Server.Telemetry;

namespace RootCause.Server.Tests.Integration;

public sealed class AnalysisLifecycleTests
{
    [Fact]
    public async Task An_analysis_that_throws_is_marked_failed_with_the_error_text_and_the_host_keeps_working()
    {
        var store = new ScriptedTelemetryStore(new InvalidOperationException("telemetry store offline"));
        await using var host = await TestHost.StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<ITelemetryStore>(store)));

        var first = await PostAsync(host);
        var second = await PostAsync(host);

        foreach (var id in new[] { first, second })
        {
            var view = await host.WaitForAnalysisAsync(id);
            Assert.Equal("failed", view.GetProperty("status").GetString());
            Assert.Equal("InvalidOperationException: telemetry store offline", view.GetProperty("error").GetString());
            Assert.Equal(JsonValueKind.Null, view.GetProperty("report").ValueKind);
            Assert.False(host.Inbox.Received(id));
        }

        using var page = await host.Client.GetAsync(new Uri($"/reports/{first:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        var problem = await page.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("telemetry store offline", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_queue_answers_503_and_keeps_nothing_of_the_refused_request()
    {
        var store = new ScriptedTelemetryStore { Gated = true };
        await using var host = await TestHost.StartAsync(
            o =>
            {
                o.QueueCapacity = 1;
                o.Workers = 1;
            },
            s => s.Replace(ServiceDescriptor.Singleton<ITelemetryStore>(store)));

        var running = await PostAsync(host);
        await host.WaitForAnalysisAsync(running, "running");
        var queued = await PostAsync(host);

        using var refused = await host.Client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), Payloads.Json("""{"service":"frontend","time":"2026-01-05T11:00:00Z"}"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (await host.HealthAsync()).GetProperty("analyses").GetInt32());

        store.Open();
        Assert.Equal("done", (await host.WaitForAnalysisAsync(queued)).GetProperty("status").GetString());
        Assert.Equal("done", (await host.WaitForAnalysisAsync(running)).GetProperty("status").GetString());
    }

    private static async Task<Guid> PostAsync(TestHost host)
    {
        using var response = await host.Client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), Payloads.Json("""{"service":"frontend","time":"2026-01-05T11:00:00Z"}"""));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("analyses")[0].GetProperty("id").GetGuid();
    }
}
