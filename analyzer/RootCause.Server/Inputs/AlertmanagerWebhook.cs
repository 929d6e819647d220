using RootCause.Contracts;

namespace RootCause.Server.Inputs;

/// <summary>Parses a Prometheus Alertmanager webhook body (version 4) into the symptom of its alert group.</summary>
internal static class AlertmanagerWebhook
{
    public const string Source = "alertmanager";

    public static InputResult<IReadOnlyList<Symptom>> Parse(ReadOnlySpan<byte> body)
    {
        var message = JsonInput.Deserialize<AlertGroupMessage>(body, JsonInput.Lenient);
        if (!message.IsValid)
        {
            return InputResult<IReadOnlyList<Symptom>>.Fail(message.Error);
        }

        // Alertmanager has only ever sent version 4; another version would mean a format we do not know.
        if (message.Value.Version is { } version && version.Trim() != "4")
        {
            return InputResult<IReadOnlyList<Symptom>>.Fail(new InputError(
                "Invalid alert payload", $"Unsupported Alertmanager webhook version '{SymptomFields.Shorten(version)}'; version 4 is supported.", "$.version"));
        }

        return AlertGroupSymptoms.From(message.Value, Source);
    }
}
