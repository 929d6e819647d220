namespace RootCause.Server.Apis;

/// <summary>The 202 answer to a webhook or analysis request; empty when nothing needed analysing (e.g. resolved alerts).</summary>
internal sealed record AnalysesAccepted(IReadOnlyList<AcceptedAnalysis> Analyses);
