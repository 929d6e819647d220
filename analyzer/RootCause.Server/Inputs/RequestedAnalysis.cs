namespace RootCause.Server.Inputs;

/// <summary>A validated request for an analysis; <see cref="At"/> is null when the caller left the time to us.</summary>
internal sealed record RequestedAnalysis(string Service, string Kpi, string? Operation, DateTimeOffset? At);
