using System.Text.Json;
using System.Text.Json.Serialization;

namespace RootCause.Simulation;

/// <summary>The body Alertmanager (webhook payload version 4) posts to a receiver.</summary>
public sealed record AlertmanagerWebhook(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("groupKey")] string GroupKey,
    [property: JsonPropertyName("truncatedAlerts")] int TruncatedAlerts,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("receiver")] string Receiver,
    [property: JsonPropertyName("groupLabels")] IReadOnlyDictionary<string, string> GroupLabels,
    [property: JsonPropertyName("commonLabels")] IReadOnlyDictionary<string, string> CommonLabels,
    [property: JsonPropertyName("commonAnnotations")] IReadOnlyDictionary<string, string> CommonAnnotations,
    [property: JsonPropertyName("externalURL")] string ExternalUrl,
    [property: JsonPropertyName("alerts")] IReadOnlyList<AlertmanagerAlert> Alerts)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The payload as Alertmanager would post it.</summary>
    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, indented ? Indented : JsonSerializerOptions.Default);
}
