using RootCause.Contracts;

namespace RootCause.Server.Inputs;

/// <summary>
/// Turns one webhook alert group into the symptom to analyse. The group's common labels, then the first firing
/// alert's labels, name the service, KPI and operation; the earliest start of the firing alerts is the time.
/// </summary>
internal static class AlertGroupSymptoms
{
    public static readonly string[] ServiceLabels = ["service", "service_name", "app", "job"];
    public static readonly string[] OperationLabels = ["operation", "route", "endpoint"];

    private const string Firing = "firing";
    private const string Resolved = "resolved";

    public static InputResult<IReadOnlyList<Symptom>> From(AlertGroupMessage message, string source)
    {
        ArgumentNullException.ThrowIfNull(message);
        var status = message.Status?.Trim().ToLowerInvariant();
        if (status is not (Firing or Resolved))
        {
            return Fail(message.Status is null
                ? "The group has no status; expected \"firing\" or \"resolved\"."
                : $"Unknown group status '{SymptomFields.Shorten(message.Status)}'; expected \"firing\" or \"resolved\".", "$.status");
        }

        if (message.Alerts is null)
        {
            return Fail("The group has no alerts array.", "$.alerts");
        }

        var firing = new List<(int Index, WebhookAlert Alert)>();
        for (var i = 0; i < message.Alerts.Count; i++)
        {
            var alert = message.Alerts[i];
            if (alert is null)
            {
                return Fail("An alert is null; expected an object.", $"$.alerts[{i}]");
            }

            if (string.Equals(alert.Status, Firing, StringComparison.OrdinalIgnoreCase))
            {
                firing.Add((i, alert));
            }
        }

        // A resolved group, or a firing group whose alerts have all resolved, asks for nothing.
        if (status == Resolved || firing.Count == 0)
        {
            return InputResult<IReadOnlyList<Symptom>>.Ok([]);
        }

        var first = firing[0];
        var common = message.CommonLabels ?? [];
        var own = first.Alert.Labels ?? [];
        var firstPath = $"$.alerts[{first.Index}].labels";

        var (service, servicePath) = Label(common, own, firstPath, ServiceLabels);
        if (service is null)
        {
            return Fail($"No service label: the group needs one of the labels {string.Join(", ", ServiceLabels)} in commonLabels or on its first firing alert.", firstPath);
        }

        if (SymptomFields.CheckName("The service", service, SymptomFields.MaxNameLength, servicePath!) is { } serviceError)
        {
            return Fail(serviceError, servicePath);
        }

        var (kpiLabel, kpiPath) = Label(common, own, firstPath, ["kpi"]);
        var (alertName, _) = Label(common, own, firstPath, ["alertname"]);
        string kpi;
        if (kpiLabel is not null)
        {
            var normalised = Kpis.Normalise(kpiLabel);
            if (normalised is null)
            {
                return Fail($"Unknown KPI '{SymptomFields.Shorten(kpiLabel)}'; known KPIs are {string.Join(", ", Kpis.All)}.", kpiPath);
            }

            kpi = normalised;
        }
        else
        {
            kpi = Kpis.Normalise(alertName) ?? Kpis.Latency;
        }

        var (operation, operationPath) = Label(common, own, firstPath, OperationLabels);
        if (operation is not null && SymptomFields.CheckName("The operation", operation, SymptomFields.MaxOperationLength, operationPath!) is { } operationError)
        {
            return Fail(operationError, operationPath);
        }

        if (alertName is not null && alertName.Length > SymptomFields.MaxNameLength)
        {
            alertName = alertName[..SymptomFields.MaxNameLength];
        }

        DateTimeOffset? at = null;
        foreach (var (index, alert) in firing)
        {
            var path = $"$.alerts[{index}].startsAt";
            if (string.IsNullOrWhiteSpace(alert.StartsAt))
            {
                return Fail("A firing alert has no startsAt time.", path);
            }

            var t = SymptomFields.ParseTime(alert.StartsAt, path, out var error);
            if (t is null)
            {
                return Fail(error!, path);
            }

            if (at is null || t < at)
            {
                at = t;
            }
        }

        return InputResult<IReadOnlyList<Symptom>>.Ok([new Symptom(service, kpi, operation, at!.Value, source, alertName)]);
    }

    private static (string? Value, string? Path) Label(Dictionary<string, string?> common, Dictionary<string, string?> own, string ownPath, string[] names)
    {
        // Label order wins over source: "service" on the alert beats "job" in the common labels.
        foreach (var name in names)
        {
            if (common.TryGetValue(name, out var c) && !string.IsNullOrWhiteSpace(c))
            {
                return (c.Trim(), "$.commonLabels." + name);
            }

            if (own.TryGetValue(name, out var o) && !string.IsNullOrWhiteSpace(o))
            {
                return (o.Trim(), ownPath + "." + name);
            }
        }

        return (null, null);
    }

    private static InputResult<IReadOnlyList<Symptom>> Fail(string detail, string? path) =>
        InputResult<IReadOnlyList<Symptom>>.Fail(new InputError("Invalid alert payload", detail, path));
}
