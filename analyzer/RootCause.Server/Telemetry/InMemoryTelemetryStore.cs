using Microsoft.Extensions.Options;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Server.Telemetry;

/// <summary>The embedded telemetry store: the in-process <see cref="TelemetryStore"/> with the configured retention.</summary>
internal sealed class InMemoryTelemetryStore(IOptions<TelemetryOptions> options) : ITelemetryStore
{
    private readonly TelemetryStore _store = new(options.Value.Retention);

    public ValueTask IngestAsync(MetricBatch batch, CancellationToken cancellationToken)
    {
        _store.Ingest(batch);
        return ValueTask.CompletedTask;
    }

    public ValueTask<TelemetrySnapshot> SnapshotAsync(TimeWindow window, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_store.Snapshot(window));

    public ValueTask<TopologyGraph> TopologyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_store.Topology());

    public ValueTask<TelemetryStats> StatsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new TelemetryStats(_store.BatchCount, _store.Newest));
}
