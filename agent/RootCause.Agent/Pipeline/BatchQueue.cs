using System.Threading.Channels;
using RootCause.Contracts;

namespace RootCause.Agent.Pipeline;

/// <summary>
/// Batches waiting to be shipped. Bounded; when the server is unreachable for longer than the queue holds,
/// the oldest batch is dropped (fresh data matters more for an ongoing incident) and counted.
/// </summary>
internal sealed class BatchQueue
{
    private readonly Channel<MetricBatch> channel;
    private long dropped;

    public BatchQueue(int capacity)
    {
        channel = Channel.CreateBounded<MetricBatch>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            _ => Interlocked.Increment(ref dropped));
    }

    public long Dropped => Interlocked.Read(ref dropped);

    public int Depth => channel.Reader.Count;

    public ChannelReader<MetricBatch> Reader => channel.Reader;

    public void Add(MetricBatch batch) => channel.Writer.TryWrite(batch);

    public void Complete() => channel.Writer.TryComplete();
}
