using RootCause.Contracts;
using RootCause.Server.Telemetry;
using RootCause.Topology;

namespace RootCause.Server.Tests.Integration;

/// <summary>A telemetry store whose snapshots fail or wait on a gate, to drive the host's failure and back-pressure paths.</summary>
internal sealed class ScriptedTelemetryStore(Exception? failure = null) : ITelemetryStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Gated { get; init; }

    public void Open() => _gate.TrySetResult();

    public ValueTask IngestAsync(MetricBatch batch, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask<TelemetrySnapshot> SnapshotAsync(TimeWindow window, CancellationToken cancellationToken)
    {
        if (Gated)
        {
            await _gate.Task.WaitAsync(cancellationToken);
        }

        return failure is null ? new TelemetrySnapshot(TopologyGraph.Empty, []) : throw failure;
    }

    public ValueTask<TopologyGraph> TopologyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(TopologyGraph.Empty);

    public ValueTask<TelemetryStats> StatsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new TelemetryStats(0, null));
}
