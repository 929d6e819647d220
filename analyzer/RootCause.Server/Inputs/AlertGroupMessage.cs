namespace RootCause.Server.Inputs;

/// <summary>
/// The part of an Alertmanager (version 4) or Grafana unified-alerting webhook body we read. Both send one
/// alert group per request with the same shape; other fields are ignored.
/// </summary>
internal sealed class AlertGroupMessage
{
    public string? Version { get; set; }

    public string? Status { get; set; }

    public string? Receiver { get; set; }

    public Dictionary<string, string?>? GroupLabels { get; set; }

    public Dictionary<string, string?>? CommonLabels { get; set; }

    public List<WebhookAlert?>? Alerts { get; set; }
}
