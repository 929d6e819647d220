namespace RootCause.Contracts;

/// <summary>Event published on the bus when an analysis has finished.</summary>
public sealed record RootCauseReportPublished(Guid AnalysisId, RootCauseReport Report);
