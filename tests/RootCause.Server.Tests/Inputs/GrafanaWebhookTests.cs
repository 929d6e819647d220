using RootCause.Contracts;
using RootCause.Server.Inputs;

namespace RootCause.Server.Tests.Inputs;

public sealed class GrafanaWebhookTests
{
    [Fact]
    public void Firing_grafana_alert_gives_app_as_service_and_the_kpi_label()
    {
        var result = GrafanaWebhook.Parse(Fixture.Bytes("grafana-firing.json"));

        Assert.True(result.IsValid, result.Error?.Detail);
        var symptom = Assert.Single(result.Value);
        Assert.Equal("cart", symptom.Service);
        Assert.Equal(Kpis.ErrorRate, symptom.Kpi);
        Assert.Equal("GET /cart/{id}", symptom.Operation);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 14, 21, 0, TimeSpan.Zero), symptom.At);
        Assert.Equal("grafana", symptom.Source);
        Assert.Equal("Cart error rate", symptom.AlertName);
    }

    [Fact]
    public void Resolved_grafana_group_asks_for_nothing()
    {
        var result = GrafanaWebhook.Parse(Fixture.Bytes("grafana-resolved.json"));

        Assert.True(result.IsValid, result.Error?.Detail);
        Assert.Empty(result.Value);
    }

    [Fact]
    public void Truncated_grafana_body_is_rejected()
    {
        var text = Fixture.Text("grafana-firing.json");
        var result = GrafanaWebhook.Parse(System.Text.Encoding.UTF8.GetBytes(text[..(text.Length / 2)]));

        Assert.False(result.IsValid);
        Assert.NotNull(result.Error.Line);
    }
}
