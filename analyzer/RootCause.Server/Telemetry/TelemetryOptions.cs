namespace RootCause.Server.Telemetry;

public sealed class TelemetryOptions
{
    /// <summary>How long batches are kept, measured back from the newest interval.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(6);
}
