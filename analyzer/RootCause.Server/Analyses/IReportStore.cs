namespace RootCause.Server.Analyses;

/// <summary>
/// Where analyses and their reports are kept. The embedded default is in memory and bounded; a PostgreSQL
/// implementation slots in behind the same port.
/// </summary>
public interface IReportStore
{
    /// <summary>Inserts or replaces the record with the same id.</summary>
    ValueTask SaveAsync(AnalysisRecord record, CancellationToken cancellationToken);

    ValueTask<AnalysisRecord?> FindAsync(Guid id, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    ValueTask<int> CountAsync(CancellationToken cancellationToken);
}
