using RootCause.Contracts;

namespace RootCause.Server.Analyses;

/// <summary>One analysis as the host tracks it: the symptom, where it is in its life, and its report once done.</summary>
/// <param name="Error">Why it failed, for <see cref="AnalysisStatus.Failed"/>.</param>
/// <param name="Report">The report, for <see cref="AnalysisStatus.Done"/>.</param>
public sealed record AnalysisRecord(
    Guid Id,
    Symptom Symptom,
    AnalysisStatus Status,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    string? Error = null,
    RootCauseReport? Report = null);
