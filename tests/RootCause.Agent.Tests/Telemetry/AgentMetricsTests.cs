using System.Diagnostics.Metrics;
using RootCause.Agent.Connections;
using RootCause.Agent.Loading;
using RootCause.Agent.Telemetry;

namespace RootCause.Agent.Tests.Telemetry;

public sealed class AgentMetricsTests
{
    [Fact]
    public void The_agents_own_counters_queue_depth_and_lost_events_are_observable_metrics()
    {
        var counters = new AgentCounters { Records = 120, ParseFailures = 3, TruncatedRecords = 2, InvalidRecords = 1, Drops = 7, OpenConnections = 4 };
        var kernel = new KernelCounters(DataLost: 5, ConnectionEventsLost: 1, ConnectionTableFull: 0, OwnerTableFull: 0, OpaqueConnections: 0, TaskEventsLost: 2);
        using var metrics = new AgentMetrics(counters, () => kernel, () => 9, () => 11);
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AgentMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(120, seen["rootcause.agent.records"]);
        Assert.Equal(3, seen["rootcause.agent.parse_failures"]);
        Assert.Equal(3, seen["rootcause.agent.invalid_records"]);
        Assert.Equal(7, seen["rootcause.agent.packet_drops"]);
        Assert.Equal(8, seen["rootcause.agent.events_lost"]);
        Assert.Equal(11, seen["rootcause.agent.batches_dropped"]);
        Assert.Equal(9, seen["rootcause.agent.queue_depth"]);
        Assert.Equal(4, seen["rootcause.agent.open_connections"]);
    }
}
