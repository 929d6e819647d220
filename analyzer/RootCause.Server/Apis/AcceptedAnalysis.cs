using RootCause.Server.Analyses;

namespace RootCause.Server.Apis;

internal sealed record AcceptedAnalysis(Guid Id, string Service, string Kpi, AnalysisStatus Status, AnalysisLinks Links)
{
    public static AcceptedAnalysis From(AnalysisRecord record) =>
        new(record.Id, record.Symptom.Service, record.Symptom.Kpi, record.Status, AnalysisLinks.For(record.Id));
}
