namespace RootCause.Server.Inputs;

/// <summary>The body of POST /api/v1/analyses: { service, kpi?, operation?, time? }.</summary>
internal sealed class AnalysisRequestBody
{
    public string? Service { get; set; }

    public string? Kpi { get; set; }

    public string? Operation { get; set; }

    public string? Time { get; set; }
}
