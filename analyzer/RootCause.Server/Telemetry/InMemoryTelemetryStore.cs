using Microsoft.Extensions.Options;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Server.Telemetry;

/// <summary>The embedded telemetry store: the in-process <see cref="TelemetryStore"/> with the configured retention.</summary>
internal sealed class InMemoryTelemetryStore(IOptions<TelemetryOptions> options) : ITelemetryStore
{
    private readonly TelemetryStore _store = new(options.Value.Retention);
    private readonly GoldenMetricCounters _goldenMetrics = new();

    GoldenMetricCounters? ITelemetryStore.GoldenMetrics => _goldenMetrics;

    public ValueTask IngestAsync(MetricBatch batch, CancellationToken cancellationToken)
    {
        // Only a newly placed batch counts: an expired one was refused, and a resend of an (agent, interval)
        // already counted replaced it in the store, so counting it again would double that interval's rates.
        if (_store.Ingest(batch) == BatchPlacement.Placed)
        {
            _goldenMetrics.Add(batch);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<TelemetrySnapshot> SnapshotAsync(TimeWindow window, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_store.Snapshot(window));

    public ValueTask<TopologyGraph> TopologyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_store.Topology());

    public ValueTask<TelemetryStats> StatsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new TelemetryStats(_store.BatchCount, _store.Newest));
}
