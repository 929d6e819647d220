namespace RootCause.Server.Analyses;

public sealed class ReportStoreOptions
{
    /// <summary>How many analyses the in-memory store keeps; the oldest go first.</summary>
    public int Capacity { get; set; } = 1000;
}
