using RootCause.Contracts;
using RootCause.Server.Analyses;

namespace RootCause.Server.Apis;

/// <summary>GET /api/v1/analyses/{id}: the status of an analysis and, once done, its report.</summary>
internal sealed record AnalysisView(
    Guid Id,
    AnalysisStatus Status,
    Symptom Symptom,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    RootCauseReport? Report,
    AnalysisLinks Links)
{
    public static AnalysisView From(AnalysisRecord r) =>
        new(r.Id, r.Status, r.Symptom, r.QueuedAt, r.StartedAt, r.FinishedAt, r.Error, r.Report, AnalysisLinks.For(r.Id));
}
