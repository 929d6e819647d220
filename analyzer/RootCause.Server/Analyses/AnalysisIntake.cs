using Microsoft.Extensions.Logging;
using RootCause.Contracts;

namespace RootCause.Server.Analyses;

/// <summary>Records symptoms as queued analyses and hands them to the workers; refuses, storing nothing, when the queue is full.</summary>
internal sealed class AnalysisIntake(IReportStore store, AnalysisQueue queue, TimeProvider clock, ILogger<AnalysisIntake> logger)
{
    /// <summary>The queued records, or null when the queue is full (nothing was kept for the refused symptom).</summary>
    public async Task<IReadOnlyList<AnalysisRecord>?> SubmitAsync(IReadOnlyList<Symptom> symptoms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symptoms);
        var accepted = new List<AnalysisRecord>(symptoms.Count);
        foreach (var symptom in symptoms)
        {
            var now = clock.GetUtcNow();
            var record = new AnalysisRecord(Guid.CreateVersion7(now), symptom, AnalysisStatus.Queued, now);

            // Stored before it is queued, so a worker that picks it up at once finds it.
            await store.SaveAsync(record, cancellationToken).ConfigureAwait(false);
            if (!queue.TryEnqueue(record.Id))
            {
                await store.DeleteAsync(record.Id, cancellationToken).ConfigureAwait(false);
                AnalysisLog.QueueFull(logger, queue.Capacity, symptom.Kpi, symptom.Service);
                return null;
            }

            AnalysisLog.Queued(logger, record.Id, symptom.Kpi, symptom.Service, symptom.At, symptom.Source);
            accepted.Add(record);
        }

        return accepted;
    }
}
