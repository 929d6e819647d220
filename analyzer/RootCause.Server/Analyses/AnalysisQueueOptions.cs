namespace RootCause.Server.Analyses;

public sealed class AnalysisQueueOptions
{
    /// <summary>Analyses waiting to run; when full, new requests get 503 instead of piling up.</summary>
    public int Capacity { get; set; } = 64;

    /// <summary>Analyses run at the same time. One by default: the analysis is CPU-bound and the host is small.</summary>
    public int Workers { get; set; } = 1;
}
