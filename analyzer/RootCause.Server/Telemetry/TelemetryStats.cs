namespace RootCause.Server.Telemetry;

/// <summary>How much telemetry is retained.</summary>
/// <param name="Batches">Batches retained.</param>
/// <param name="Newest">Start of the newest retained interval; null when the store is empty.</param>
public sealed record TelemetryStats(int Batches, DateTimeOffset? Newest);
