namespace RootCause.Server.Analyses;

public enum AnalysisStatus
{
    Queued,
    Running,
    Done,
    Failed,
}
