using System.Diagnostics.Metrics;
using RootCause.Agent.Connections;
using RootCause.Agent.Loading;

namespace RootCause.Agent.Telemetry;

/// <summary>
/// The agent's own health as metrics: what it decoded, could not parse or lost, and how full its queue and
/// tables are. Observed from the counters the pipeline keeps anyway, so measuring costs nothing on the
/// event path; exported over OTLP when an endpoint is configured.
/// </summary>
internal sealed class AgentMetrics : IDisposable
{
    public const string MeterName = "RootCause.Agent";

    private readonly Meter _meter = new(MeterName);

    public AgentMetrics(AgentCounters counters, Func<KernelCounters?> kernel, Func<int> queueDepth, Func<long> batchesDropped)
    {
        _meter.CreateObservableCounter("rootcause.agent.records", () => counters.Records, "{record}", "Ring-buffer records decoded");
        _meter.CreateObservableCounter("rootcause.agent.parse_failures", () => counters.ParseFailures, "{message}", "L7 messages the parsers could not read");
        _meter.CreateObservableCounter("rootcause.agent.invalid_records", () => counters.InvalidRecords + counters.TruncatedRecords + counters.UnknownRecords, "{record}", "Records that were truncated, inconsistent or of an unknown kind");
        _meter.CreateObservableCounter("rootcause.agent.exchanges", () => counters.ExchangesCompleted, "{exchange}", "Requests paired with their responses");
        _meter.CreateObservableCounter("rootcause.agent.packet_drops", () => counters.Drops, "{packet}", "Packets the kernel dropped on TCP sockets (kfree_skb)");
        _meter.CreateObservableCounter("rootcause.agent.events_lost", () => kernel() is { } k ? k.DataLost + k.ConnectionEventsLost + k.TaskEventsLost : 0, "{event}", "Events the kernel could not put in a full ring buffer");
        _meter.CreateObservableCounter("rootcause.agent.batches_dropped", batchesDropped, "{batch}", "Metric batches dropped because the shipping queue was full");
        _meter.CreateObservableCounter("rootcause.agent.intervals_not_sent", () => counters.IntervalsNotSent, "{interval}", "Intervals closed but not sent: the partial first one, stalled ones, wall-clock steps");
        _meter.CreateObservableGauge("rootcause.agent.queue_depth", queueDepth, "{batch}", "Metric batches waiting to be shipped");
        _meter.CreateObservableGauge("rootcause.agent.open_connections", () => counters.OpenConnections, "{connection}", "Connections in the agent's table");
    }

    public void Dispose() => _meter.Dispose();
}
