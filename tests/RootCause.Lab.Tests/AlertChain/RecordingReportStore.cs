using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using RootCause.Server.Analyses;

namespace RootCause.Lab.Tests.AlertChain;

/// <summary>
/// The host's own report store with every analysis it is asked to keep noted on the way in: the host has no list of
/// analyses on its API, so this is how the test learns the id of the analysis an Alertmanager webhook started.
/// </summary>
internal sealed class RecordingReportStore(IReportStore inner, ConcurrentDictionary<Guid, AnalysisRecord> firstSeen) : IReportStore
{
    /// <summary>Wraps the report store the host registered (its in-memory one), keeping each analysis as first saved (queued).</summary>
    public static void Install(IServiceCollection services, ConcurrentDictionary<Guid, AnalysisRecord> firstSeen)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IReportStore));
        services.Remove(registered);
        services.AddSingleton<IReportStore>(sp => new RecordingReportStore(
            registered.ImplementationInstance as IReportStore
                ?? registered.ImplementationFactory?.Invoke(sp) as IReportStore
                ?? (IReportStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
            firstSeen));
    }

    public async ValueTask SaveAsync(AnalysisRecord record, CancellationToken cancellationToken)
    {
        await inner.SaveAsync(record, cancellationToken);
        firstSeen.TryAdd(record.Id, record);
    }

    public ValueTask<AnalysisRecord?> FindAsync(Guid id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

    public ValueTask<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);

    public ValueTask<int> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
}
