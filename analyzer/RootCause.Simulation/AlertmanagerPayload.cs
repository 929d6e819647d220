using System.Globalization;
using System.Text;
using RootCause.Contracts;

namespace RootCause.Simulation;

/// <summary>Builds the Alertmanager webhook a real Alertmanager would post for a <see cref="Symptom"/>.</summary>
public static class AlertmanagerPayload
{
    /// <summary>A firing webhook (version "4") with one alert labelled alertname, service, severity and kpi.</summary>
    /// <param name="symptom">The alert; its <see cref="Symptom.At"/> becomes startsAt.</param>
    /// <param name="summary">Annotation text; a default one is written when null.</param>
    /// <param name="description">Longer annotation text, e.g. the observed value against the threshold.</param>
    /// <param name="externalUrl">Where the Alertmanager lives.</param>
    public static AlertmanagerWebhook Build(Symptom symptom, string? summary = null, string? description = null, string externalUrl = "http://alertmanager:9093")
    {
        ArgumentNullException.ThrowIfNull(symptom);
        var alertName = symptom.AlertName ?? (symptom.Kpi == Kpis.ErrorRate ? "HighErrorRate" : "HighRequestLatency");
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["alertname"] = alertName,
            ["service"] = symptom.Service,
            ["severity"] = "critical",
            ["kpi"] = symptom.Kpi,
        };
        if (symptom.Operation is { } operation)
        {
            labels["operation"] = operation;
        }

        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary"] = summary ?? $"{symptom.Service}: {(symptom.Kpi == Kpis.ErrorRate ? "error rate" : "p99 latency")} above threshold",
        };
        if (description is not null)
        {
            annotations["description"] = description;
        }

        var alert = new AlertmanagerAlert(
            "firing",
            labels,
            annotations,
            symptom.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "0001-01-01T00:00:00Z",
            $"http://prometheus:9090/graph?g0.expr={Uri.EscapeDataString(alertName)}",
            Fingerprint(labels));
        var groupLabels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["alertname"] = alertName };
        return new AlertmanagerWebhook(
            "4",
            $"{{}}:{{alertname=\"{alertName}\"}}",
            0,
            "firing",
            "rootcause",
            groupLabels,
            labels,
            annotations,
            externalUrl,
            [alert]);
    }

    /// <summary>A stable 64-bit FNV-1a hash of the sorted labels, in hex like Alertmanager's fingerprints.</summary>
    private static string Fingerprint(SortedDictionary<string, string> labels)
    {
        var hash = 14695981039346656037UL;
        foreach (var (key, value) in labels)
        {
            foreach (var b in Encoding.UTF8.GetBytes(key + "\xff" + value + "\xff"))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
