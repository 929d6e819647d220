using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RootCause.Contracts;
using RootCause.Server.Reports;

namespace RootCause.Server.Tests.Integration;

public sealed class HostEndToEndTests
{
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Alertmanager_alert_over_published_batches_yields_one_report_on_the_bus_the_api_and_the_pages()
    {
        await using var host = await TestHost.StartAsync(o =>
        {
            o.FaultTrees = null;
            o.FaultTreesDirectory = TestHost.ShippedFaultTrees;
        });
        var bus = host.App.Services.GetRequiredService<IBus>();
        var batches = IncidentData.Batches().ToArray();
        foreach (var batch in batches)
        {
            await bus.Publish(batch);
        }

        await host.WaitForBatchesAsync(batches.Length);

        using var response = await host.Client.PostAsync(new Uri("/api/v1/alerts/alertmanager", UriKind.Relative), Payloads.Alertmanager("frontend", IncidentData.AlertAt));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var analysis = Assert.Single(accepted.GetProperty("analyses").EnumerateArray().ToArray());
        var id = analysis.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/analyses/{id:D}", response.Headers.Location?.OriginalString);
        Assert.Equal("frontend", analysis.GetProperty("service").GetString());
        Assert.Equal("latency", analysis.GetProperty("kpi").GetString());
        Assert.Equal("queued", analysis.GetProperty("status").GetString());
        Assert.Equal($"/reports/{id:D}", analysis.GetProperty("links").GetProperty("html").GetString());

        var published = await host.Inbox.WaitAsync(id, ReportTimeout);
        Assert.Equal(id, published.Report.Id);
        Assert.Equal("frontend", published.Report.Symptom.Service);
        Assert.Equal(IncidentData.AlertAt, published.Report.Symptom.At);
        Assert.Equal(AnalysisOutcome.RootCauseFound, published.Report.Outcome);
        var top = published.Report.RootCauses[0];
        Assert.Contains("backend", top.Entity.Name, StringComparison.Ordinal);

        var view = await host.WaitForAnalysisAsync(id);
        Assert.Equal("done", view.GetProperty("status").GetString());
        var stored = view.GetProperty("report").Deserialize<RootCauseReport>(ReportJson.Options);
        Assert.NotNull(stored);
        Assert.Equal(ReportJson.Serialize(published.Report), ReportJson.Serialize(stored));

        using var html = await host.Client.GetAsync(new Uri($"/reports/{id:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains($"<td>{top.Entity}</td>", page, StringComparison.Ordinal);

        using var md = await host.Client.GetAsync(new Uri($"/reports/{id:D}.md", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, md.StatusCode);
        Assert.Equal("text/markdown", md.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ReportMarkdown.Render(published.Report), await md.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Batches_posted_over_http_enter_through_the_consumer_and_show_in_the_topology()
    {
        await using var host = await TestHost.StartAsync();
        var batches = IncidentData.Batches().Take(6).ToArray();

        using var response = await host.Client.PostAsync(
            new Uri("/api/v1/batches", UriKind.Relative),
            Payloads.Json(JsonSerializer.Serialize(batches, ReportJson.Options)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(6, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batches").GetInt32());
        await host.WaitForBatchesAsync(6);

        var topology = await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/topology", UriKind.Relative));
        var services = topology.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["backend", "frontend"], services.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("service", services["backend"].GetProperty("kind").GetString());
        var instance = Assert.Single(services["backend"].GetProperty("instances").EnumerateArray().ToArray());
        Assert.Equal("backend-1", instance.GetProperty("name").GetString());
        Assert.Equal("node-2", instance.GetProperty("node").GetString());
        Assert.Equal(["node-1", "node-2"], topology.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()));
        var call = Assert.Single(topology.GetProperty("calls").EnumerateArray().ToArray());
        Assert.Equal(("frontend", "backend"), (call.GetProperty("caller").GetString(), call.GetProperty("callee").GetString()));
        Assert.NotEmpty(topology.GetProperty("networkEdges").EnumerateArray());
    }

    [Fact]
    public async Task Plain_analysis_request_without_a_time_analyses_the_newest_data()
    {
        await using var host = await TestHost.StartAsync();
        var bus = host.App.Services.GetRequiredService<IBus>();
        var batches = IncidentData.Batches().Take(20).ToArray();
        foreach (var batch in batches)
        {
            await bus.Publish(batch);
        }

        await host.WaitForBatchesAsync(batches.Length);

        using var response = await host.Client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), Payloads.Json("""{"service":"frontend","kpi":"errors"}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("analyses")[0].GetProperty("id").GetGuid();
        var view = await host.WaitForAnalysisAsync(id);
        Assert.Equal("error_rate", view.GetProperty("symptom").GetProperty("kpi").GetString());
        Assert.Equal("api", view.GetProperty("symptom").GetProperty("source").GetString());
        Assert.Equal(IncidentData.Start.AddMinutes(9), view.GetProperty("symptom").GetProperty("at").GetDateTimeOffset());
    }
}
