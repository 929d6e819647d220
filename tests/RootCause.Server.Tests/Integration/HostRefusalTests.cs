using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RootCause.Server.Tests.Integration;

/// <summary>Bad input gets a clear ProblemDetails answer and changes nothing.</summary>
public sealed class HostRefusalTests
{
    [Fact]
    public async Task Resolved_alert_group_starts_nothing()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.PostAsync(new Uri("/api/v1/alerts/alertmanager", UriKind.Relative), Payloads.Alertmanager("frontend", IncidentData.AlertAt, status: "resolved"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("analyses").EnumerateArray());
        Assert.Equal(0, (await host.HealthAsync()).GetProperty("analyses").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/alerts/alertmanager")]
    [InlineData("/api/v1/alerts/grafana")]
    [InlineData("/api/v1/analyses")]
    [InlineData("/api/v1/batches")]
    public async Task A_body_over_the_limit_gets_413_and_stores_nothing(string path)
    {
        await using var host = await TestHost.StartAsync();
        var body = Encoding.UTF8.GetBytes("[" + new string(' ', 2 * 1024 * 1024) + "]");

        using var response = await host.Client.PostAsync(new Uri(path, UriKind.Relative), Payloads.Raw(body, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await Problem(response);
        Assert.Contains("exceeds the limit of 1048576 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStored(host);
    }

    [Fact]
    public async Task The_body_limit_is_configurable()
    {
        await using var host = await TestHost.StartAsync(o => o.MaxRequestBodyBytes = 100);

        using var response = await host.Client.PostAsync(new Uri("/api/v1/alerts/alertmanager", UriKind.Relative), Payloads.Alertmanager("frontend", IncidentData.AlertAt));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStored(host);
    }

    [Fact]
    public async Task Garbage_gets_400_with_where_it_went_wrong()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.PostAsync(new Uri("/api/v1/alerts/alertmanager", UriKind.Relative), Payloads.Json("{\"status\": \"firing\",\n \"alerts\": [ }"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Problem(response);
        Assert.Equal(2, problem.GetProperty("line").GetInt32());
        Assert.Contains("line 2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStored(host);
    }

    [Fact]
    public async Task A_recorded_hostile_payload_gets_400_with_its_json_path()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.PostAsync(new Uri("/api/v1/alerts/alertmanager", UriKind.Relative), Payloads.Raw(Fixture.Bytes("hostile-wrong-types.json"), "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("$.alerts[0].labels", (await Problem(response)).GetProperty("path").GetString());
        await AssertNothingStored(host);
    }

    [Fact]
    public async Task Non_json_content_gets_415()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.PostAsync(new Uri("/api/v1/alerts/grafana", UriKind.Relative), Payloads.Raw(Fixture.Bytes("grafana-firing.json"), "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("text/plain", (await Problem(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStored(host);
    }

    [Theory]
    [InlineData("""{"kpi":"latency"}""", "'service' is required")]
    [InlineData("""{"service":"frontend","kpi":"vibes"}""", "Unknown KPI 'vibes'")]
    [InlineData("""{"service":"frontend","time":"tomorrow"}""", "not an RFC 3339 time")]
    public async Task Plain_analysis_requests_are_validated(string body, string reason)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.PostAsync(new Uri("/api/v1/analyses", UriKind.Relative), Payloads.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await Problem(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStored(host);
    }

    [Fact]
    public async Task Invalid_batches_are_refused_whole_and_nothing_is_ingested()
    {
        await using var host = await TestHost.StartAsync();
        var good = IncidentData.Batches().First();
        var bad = good with { IntervalSeconds = -1 };

        using var response = await host.Client.PostAsync(
            new Uri("/api/v1/batches", UriKind.Relative),
            Payloads.Json(JsonSerializer.Serialize(new[] { good, bad }, RootCause.Server.Reports.ReportJson.Options)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("$[1].intervalSeconds", (await Problem(response)).GetProperty("path").GetString());
        await Task.Delay(200);
        Assert.Equal(0, (await host.HealthAsync()).GetProperty("batches").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/analyses/0193f0a2-0000-7000-8000-000000000001")]
    [InlineData("/reports/0193f0a2-0000-7000-8000-000000000001")]
    [InlineData("/reports/0193f0a2-0000-7000-8000-000000000001.md")]
    public async Task Unknown_analyses_get_404_problem_details(string path)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no analysis 0193f0a2", (await Problem(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static async Task AssertNothingStored(TestHost host)
    {
        var health = await host.HealthAsync();
        Assert.Equal(0, health.GetProperty("analyses").GetInt32());
        Assert.Equal(0, health.GetProperty("queued").GetInt32());
    }
}
