using RootCause.Agent.Aggregation;
using RootCause.Agent.Connections;
using RootCause.Agent.Loading;
using RootCause.Contracts;

namespace RootCause.Agent.Pipeline;

/// <summary>
/// Closes each cell of the <see cref="IntervalGrid"/> as its end passes: samples resources, flushes the
/// processor into the cell's batch and publishes it, or, for a cell whose rates would mislead (the partial
/// first one, a stalled one), counts and logs it instead. Runs on the drain thread, like the processor.
/// </summary>
internal sealed class IntervalCloser
{
    private readonly AgentOptions options;
    private readonly EventProcessor processor;
    private readonly ResourceSampler sampler;
    private readonly TimeProvider time;
    private readonly Action<MetricBatch> publish;
    private readonly Action<string> log;
    private readonly Func<KernelCounters?> kernel;

    public IntervalCloser(
        AgentOptions options, EventProcessor processor, ResourceSampler sampler, TimeProvider time, Action<MetricBatch> publish, Action<string> log,
        Func<KernelCounters?>? kernel = null)
    {
        this.options = options;
        this.processor = processor;
        this.sampler = sampler;
        this.time = time;
        this.publish = publish;
        this.log = log;
        this.kernel = kernel ?? (() => null);
        Grid = new IntervalGrid(options.Interval, time);
        if (Grid.CurrentIsPartial)
        {
            log($"agent: started inside the interval {Grid.CurrentStart:O}; the first batch sent is the one starting {Grid.CurrentEnd:O}");
        }
    }

    public IntervalGrid Grid { get; }

    /// <summary>Closes the current cell if its end has passed; returns what became of it, or null when not due.</summary>
    public ClosedInterval? Poll()
    {
        if (Grid.Poll() is not { } closed)
        {
            return null;
        }

        var batch = Collect(closed.Start, closed.Seconds);
        log($"agent: interval {closed.Start:O} {closed.Seconds:F0}s +{closed.Lateness.TotalMilliseconds:F0}ms {closed.Outcome} golden={batch.Golden.Count} " +
            $"calls={batch.Calls.Count} edges={batch.Network.Count} | {processor.Counters} | {kernel()}");
        if (closed.Send)
        {
            publish(batch);
        }
        else
        {
            processor.Counters.IntervalsNotSent++;
            log($"agent: interval {closed.Start:O} not sent: {Why(closed.Outcome)}");
        }

        return closed;
    }

    /// <summary>What was collected so far, as a batch of the current cell; the cell goes on (tests and diagnostics).</summary>
    public MetricBatch CollectNow() => Collect(Grid.CurrentStart, Grid.Length.TotalSeconds);

    private MetricBatch Collect(DateTimeOffset start, double seconds)
    {
        var nowNs = (long)(time.GetTimestamp() * (1e9 / time.TimestampFrequency));
        var resources = sampler.Sample(processor.ResourceTargets(), options.Node);
        return processor.Flush(options.AgentId, start, seconds, resources, nowNs);
    }

    private static string Why(IntervalOutcome outcome) => outcome switch
    {
        IntervalOutcome.Partial => "the agent watched only part of it (start-up or after a stall), so its rates would read low",
        IntervalOutcome.Stalled => "it closed more than one interval late and holds more than one interval's data",
        IntervalOutcome.ClockStepped => "the wall clock stepped back; the grid restarts",
        _ => "sent",
    };
}
