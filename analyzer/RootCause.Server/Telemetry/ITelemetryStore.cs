using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Server.Telemetry;

/// <summary>
/// Where ingested telemetry lives and how analyses read it. The embedded default wraps the in-process
/// <see cref="TelemetryStore"/>; a PostgreSQL implementation slots in behind the same port.
/// </summary>
public interface ITelemetryStore
{
    ValueTask IngestAsync(MetricBatch batch, CancellationToken cancellationToken);

    /// <summary>The batches of <paramref name="window"/> and the topology of everything retained.</summary>
    ValueTask<TelemetrySnapshot> SnapshotAsync(TimeWindow window, CancellationToken cancellationToken);

    ValueTask<TopologyGraph> TopologyAsync(CancellationToken cancellationToken);

    ValueTask<TelemetryStats> StatsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The golden metrics of every batch this store accepted, cumulative since start, for GET /metrics; null
    /// when the store keeps none. Fed where a batch is accepted, so a refused batch never counts.
    /// </summary>
    internal GoldenMetricCounters? GoldenMetrics => null;
}
