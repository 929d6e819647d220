using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RootCause.Analysis;
using RootCause.Contracts;
using RootCause.Server.Telemetry;

namespace RootCause.Server.Analyses;

/// <summary>
/// Runs queued analyses: snapshot the store around the symptom, run the analyzer, keep the report, publish it.
/// A failing analysis is recorded as failed with its error; it never stops the worker.
/// </summary>
internal sealed class AnalysisWorker(
    AnalysisQueue queue,
    IReportStore store,
    ITelemetryStore telemetry,
    RootCauseAnalyzer analyzer,
    IBus bus,
    TimeProvider clock,
    IOptions<AnalysisQueueOptions> options,
    ILogger<AnalysisWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Math.Max(1, options.Value.Workers);
        return Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => RunAsync(stoppingToken), stoppingToken)));
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await AnalyseAsync(id, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: queued analyses stay queued in the store.
        }
    }

    internal async Task AnalyseAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            AnalysisLog.Vanished(logger, id);
            return;
        }

        record = record with { Status = AnalysisStatus.Running, StartedAt = clock.GetUtcNow() };
        await store.SaveAsync(record, cancellationToken).ConfigureAwait(false);

        RootCauseReport report;
        var watch = Stopwatch.StartNew();
        try
        {
            var window = AnalysisWindow.For(record.Symptom, analyzer.Options);
            var snapshot = await telemetry.SnapshotAsync(window, cancellationToken).ConfigureAwait(false);
            report = analyzer.Analyze(id, record.Symptom, snapshot);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            AnalysisLog.Failed(logger, id, ex);
            await store.SaveAsync(record with { Status = AnalysisStatus.Failed, FinishedAt = clock.GetUtcNow(), Error = $"{ex.GetType().Name}: {ex.Message}" }, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Stored before it is published, so a subscriber that fetches the report by id finds it.
        await store.SaveAsync(record with { Status = AnalysisStatus.Done, FinishedAt = clock.GetUtcNow(), Report = report }, cancellationToken).ConfigureAwait(false);
        AnalysisLog.Done(logger, id, watch.ElapsedMilliseconds, report.Outcome, report.RootCauses.Count);
        try
        {
            await bus.Publish(new RootCauseReportPublished(id, report), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AnalysisLog.PublishFailed(logger, id, ex);
        }
    }
}
