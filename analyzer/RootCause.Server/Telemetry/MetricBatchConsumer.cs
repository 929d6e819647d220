using MassTransit;
using Microsoft.Extensions.Logging;
using RootCause.Contracts;
using RootCause.Server.Inputs;

namespace RootCause.Server.Telemetry;

/// <summary>
/// The one way telemetry enters the store: every <see cref="MetricBatch"/> on the bus, whether from agents, the
/// simulator or POST /api/v1/batches. Invalid batches are logged and dropped, never retried.
/// </summary>
internal sealed class MetricBatchConsumer(ITelemetryStore store, ILogger<MetricBatchConsumer> logger) : IConsumer<MetricBatch>
{
    public async Task Consume(ConsumeContext<MetricBatch> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (MetricBatchValidator.Problem(context.Message) is { } problem)
        {
            TelemetryLog.Rejected(logger, context.Message?.AgentId, problem);
            return;
        }

        await store.IngestAsync(context.Message, context.CancellationToken).ConfigureAwait(false);
    }
}
