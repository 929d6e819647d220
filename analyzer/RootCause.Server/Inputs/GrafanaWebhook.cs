using RootCause.Contracts;

namespace RootCause.Server.Inputs;

/// <summary>Parses a Grafana unified-alerting webhook body; its alerts[] follow the same label rules as Alertmanager's.</summary>
internal static class GrafanaWebhook
{
    public const string Source = "grafana";

    public static InputResult<IReadOnlyList<Symptom>> Parse(ReadOnlySpan<byte> body)
    {
        var message = JsonInput.Deserialize<AlertGroupMessage>(body, JsonInput.Lenient);
        return message.IsValid
            ? AlertGroupSymptoms.From(message.Value, Source)
            : InputResult<IReadOnlyList<Symptom>>.Fail(message.Error);
    }
}
