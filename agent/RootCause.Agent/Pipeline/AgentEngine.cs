using System.Collections.Concurrent;
using RootCause.Agent.Aggregation;
using RootCause.Agent.Connections;
using RootCause.Agent.Loading;
using RootCause.Contracts;

namespace RootCause.Agent.Pipeline;

/// <summary>
/// The drain thread: waits on the ring buffer (the kernel wakes it only when a quarter of the ring is
/// full, otherwise the poll timeout does), feeds every record to the <see cref="EventProcessor"/>, and
/// closes each cell of the <see cref="IntervalGrid"/> into a <see cref="MetricBatch"/> as its end passes.
/// The processor is touched by this thread only.
/// </summary>
internal sealed class AgentEngine : IRecordConsumer, IDisposable
{
    private readonly AgentOptions options;
    private readonly EventProcessor processor;
    private readonly TimeProvider time;
    private readonly Action<MetricBatch> publish;
    private readonly Action<string> log;
    private readonly ConcurrentQueue<TaskCompletionSource<MetricBatch>> flushRequests = new();
    private BpfSession? session;
    private Thread? thread;
    private volatile bool stopping;
    private IntervalCloser? closer;

    public AgentEngine(AgentOptions options, EventProcessor processor, TimeProvider time, Action<MetricBatch> publish, Action<string> log)
    {
        this.options = options;
        this.processor = processor;
        this.time = time;
        this.publish = publish;
        this.log = log;
    }

    public IReadOnlyList<string> Programs => session?.Programs ?? [];

    /// <summary>Loads and attaches the programs, then starts draining. Throws <see cref="BpfLoadException"/>.</summary>
    public void Start()
    {
        session = BpfSession.Open(this, options.ExcludedPid);
        closer = new IntervalCloser(options, processor, new ResourceSampler(runQueue: session), time, publish, log, session.ReadCounters);
        thread = new Thread(Run) { IsBackground = true, Name = "rootcause-bpf-drain" };
        thread.Start();
    }

    /// <summary>
    /// Returns what was collected so far, now (after draining what the kernel already wrote), as a batch of the
    /// current cell; the cell goes on. For tests and diagnostics: the regular batches close on the grid.
    /// </summary>
    public Task<MetricBatch> FlushNowAsync()
    {
        var request = new TaskCompletionSource<MetricBatch>(TaskCreationOptions.RunContinuationsAsynchronously);
        flushRequests.Enqueue(request);
        return request.Task;
    }

    public KernelCounters? KernelCounters => session?.ReadCounters();

    public AgentCounters Counters => processor.Counters;

    /// <summary>The kernel's run-queue delay sums (null before <see cref="Start"/>).</summary>
    public IRunQueueProbe? RunQueue => session;

    void IRecordConsumer.OnRecord(ReadOnlySpan<byte> record) => processor.ProcessRecord(record);

    public void Dispose()
    {
        stopping = true;
        thread?.Join();
        session?.Dispose();
        while (flushRequests.TryDequeue(out var request))
        {
            request.TrySetCanceled();
        }
    }

    private void Run()
    {
        var pollMilliseconds = (int)Math.Max(1, options.PollTimeout.TotalMilliseconds);
        while (!stopping)
        {
            try
            {
                // poll() drains only rings whose epoll fired, and the probes suppress most wake-ups: drain
                // explicitly after every wait.
                session!.Poll(pollMilliseconds);
                session.Consume();
                while (flushRequests.TryDequeue(out var request))
                {
                    session.Consume();
                    request.TrySetResult(closer!.CollectNow());
                }

                closer!.Poll();
            }
            catch (Exception e)
            {
                // The drain loop must survive anything a record or a publisher throws.
                log($"agent: drain loop error: {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
