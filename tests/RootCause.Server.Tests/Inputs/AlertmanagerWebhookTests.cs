using System.Text;
using RootCause.Contracts;
using RootCause.Server.Inputs;

namespace RootCause.Server.Tests.Inputs;

public sealed class AlertmanagerWebhookTests
{
    [Fact]
    public void Firing_group_gives_service_kpi_operation_and_the_earliest_firing_start()
    {
        var result = AlertmanagerWebhook.Parse(Fixture.Bytes("alertmanager-firing.json"));

        Assert.True(result.IsValid, result.Error?.Detail);
        var symptom = Assert.Single(result.Value);
        Assert.Equal("checkout", symptom.Service);
        Assert.Equal(Kpis.Latency, symptom.Kpi);
        Assert.Equal("POST /api/checkout", symptom.Operation);

        // The resolved alert started earlier (10:40) but only firing alerts count.
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 11, 2, 0, TimeSpan.Zero), symptom.At);
        Assert.Equal("alertmanager", symptom.Source);
        Assert.Equal("CheckoutLatencyHigh", symptom.AlertName);
    }

    [Fact]
    public void Resolved_group_asks_for_nothing()
    {
        var result = AlertmanagerWebhook.Parse(Fixture.Bytes("alertmanager-resolved.json"));

        Assert.True(result.IsValid, result.Error?.Detail);
        Assert.Empty(result.Value);
    }

    [Fact]
    public void Without_common_labels_the_first_firing_alert_names_service_by_label_order_and_kpi_by_alertname()
    {
        var result = AlertmanagerWebhook.Parse(Fixture.Bytes("alertmanager-no-common-service.json"));

        Assert.True(result.IsValid, result.Error?.Detail);
        var symptom = Assert.Single(result.Value);
        Assert.Equal("payments", symptom.Service);
        Assert.Equal(Kpis.ErrorRate, symptom.Kpi);
        Assert.Equal("/charge", symptom.Operation);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 8, 20, 0, TimeSpan.Zero), symptom.At);
    }

    [Theory]
    [InlineData("""{"service":"a","service_name":"b","app":"c","job":"d"}""", "a")]
    [InlineData("""{"service_name":"b","app":"c","job":"d"}""", "b")]
    [InlineData("""{"app":"c","job":"d"}""", "c")]
    [InlineData("""{"job":"d"}""", "d")]
    [InlineData("""{"job":"d","service":"  a  "}""", "a")]
    public void Service_comes_from_service_then_service_name_then_app_then_job(string labels, string expected)
    {
        var result = AlertmanagerWebhook.Parse(Group(labels));

        Assert.True(result.IsValid, result.Error?.Detail);
        Assert.Equal(expected, Assert.Single(result.Value).Service);
    }

    [Theory]
    [InlineData("""{"service":"a","alertname":"SomethingOdd"}""", Kpis.Latency)]
    [InlineData("""{"service":"a","alertname":"RequestRateDropped"}""", Kpis.Throughput)]
    [InlineData("""{"service":"a","alertname":"SlowRequests","kpi":"errors"}""", Kpis.ErrorRate)]
    public void Kpi_comes_from_the_kpi_label_else_the_alert_name_else_latency(string labels, string expected)
    {
        var result = AlertmanagerWebhook.Parse(Group(labels));

        Assert.True(result.IsValid, result.Error?.Detail);
        Assert.Equal(expected, Assert.Single(result.Value).Kpi);
    }

    [Fact]
    public void Unknown_kpi_label_is_rejected_naming_the_label_and_the_known_kpis()
    {
        var result = AlertmanagerWebhook.Parse(Group("""{"service":"a","kpi":"happiness"}"""));

        Assert.False(result.IsValid);
        Assert.Equal("$.alerts[0].labels.kpi", result.Error.Path);
        Assert.Contains("Unknown KPI 'happiness'", result.Error.Detail, StringComparison.Ordinal);
        Assert.Contains("latency, error_rate, throughput", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_service_label_is_rejected_listing_the_labels_looked_for()
    {
        var result = AlertmanagerWebhook.Parse(Group("""{"alertname":"HighLatency","instance":"x"}"""));

        Assert.False(result.IsValid);
        Assert.Contains("service, service_name, app, job", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_body_is_rejected_with_its_line()
    {
        var result = AlertmanagerWebhook.Parse(Fixture.Bytes("hostile-truncated.json"));

        Assert.False(result.IsValid);
        Assert.Equal(400, result.Error.Status);
        Assert.Equal(8, result.Error.Line);
        Assert.Contains("line 8", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_of_the_wrong_type_are_rejected_with_their_path_and_line()
    {
        var result = AlertmanagerWebhook.Parse(Fixture.Bytes("hostile-wrong-types.json"));

        Assert.False(result.IsValid);
        Assert.Equal("$.alerts[0].labels", result.Error.Path);
        Assert.Equal(7, result.Error.Line);
    }

    [Fact]
    public void A_number_where_a_label_value_belongs_is_rejected_with_its_path()
    {
        var result = AlertmanagerWebhook.Parse(Fixture.Bytes("hostile-label-number.json"));

        Assert.False(result.IsValid);
        Assert.Equal("$.alerts[0].labels.service", result.Error.Path);
    }

    [Fact]
    public void A_start_time_that_is_not_rfc3339_is_rejected_with_the_alert_it_belongs_to()
    {
        var result = AlertmanagerWebhook.Parse(Fixture.Bytes("hostile-bad-time.json"));

        Assert.False(result.IsValid);
        Assert.Equal("$.alerts[1].startsAt", result.Error.Path);
        Assert.Contains("yesterday at noon", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_json_is_rejected_before_it_costs_anything()
    {
        var depth = 10_000;
        var body = "{\"status\":\"firing\",\"commonAnnotations\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + ",\"alerts\":[]}";

        var result = AlertmanagerWebhook.Parse(Encoding.UTF8.GetBytes(body));

        Assert.False(result.IsValid);
        Assert.Contains("depth", result.Error.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_huge_group_within_the_size_limit_still_yields_one_symptom()
    {
        var alerts = string.Join(",", Enumerable.Range(0, 5000).Select(i =>
            $$"""{"status":"firing","labels":{"service":"checkout","pod":"p{{i}}"},"startsAt":"2026-01-05T11:{{i % 60:00}}:00Z"}"""));
        var body = $$"""{"version":"4","status":"firing","commonLabels":{"service":"checkout"},"alerts":[{{alerts}}]}""";

        var result = AlertmanagerWebhook.Parse(Encoding.UTF8.GetBytes(body));

        Assert.True(result.IsValid, result.Error?.Detail);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 11, 0, 0, TimeSpan.Zero), Assert.Single(result.Value).At);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("null", "null")]
    [InlineData("[1,2,3]", "could not be converted")]
    [InlineData("<alert/>", "invalid start of a value")]
    [InlineData("""{"status":"firing","alerts":[null]}""", "null")]
    [InlineData("""{"status":"exploding","alerts":[]}""", "Unknown group status")]
    [InlineData("""{"version":"5","status":"firing","alerts":[]}""", "version '5'")]
    public void Garbage_is_rejected_with_a_reason(string body, string reason)
    {
        var result = AlertmanagerWebhook.Parse(Encoding.UTF8.GetBytes(body));

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Invalid_utf8_is_rejected()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"status\":\"fir"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("ing\"}")];

        var result = AlertmanagerWebhook.Parse(body);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_service_name_with_control_characters_is_rejected()
    {
        var result = AlertmanagerWebhook.Parse(Group("""{"service":"a\nb"}"""));

        Assert.False(result.IsValid);
        Assert.Contains("control characters", result.Error.Detail, StringComparison.Ordinal);
    }

    private static byte[] Group(string labels) => Encoding.UTF8.GetBytes(
        $$"""{"version":"4","status":"firing","commonLabels":{},"alerts":[{"status":"firing","labels":{{labels}},"startsAt":"2026-01-05T11:02:00Z"}]}""");
}
