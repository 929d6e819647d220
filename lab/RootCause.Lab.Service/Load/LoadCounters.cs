namespace RootCause.Lab.Service.Load;

/// <summary>Thread-safe counters of a load run: totals, and the difference since the last interval was taken.</summary>
internal sealed class LoadCounters
{
    private long sent;
    private long ok;
    private long errors;
    private long dropped;
    private long latencyTicks;
    private LoadTotals previous;

    public void CountSent() => Interlocked.Increment(ref sent);

    public void CountDropped() => Interlocked.Increment(ref dropped);

    public void CountAnswer(bool succeeded, TimeSpan latency)
    {
        Interlocked.Add(ref latencyTicks, latency.Ticks);
        Interlocked.Increment(ref succeeded ? ref ok : ref errors);
    }

    public LoadSummary Total() => Summarise(Read(), default);

    /// <summary>What happened since the previous call (one caller: the summary loop).</summary>
    public LoadSummary TakeInterval()
    {
        var now = Read();
        var interval = Summarise(now, previous);
        previous = now;
        return interval;
    }

    private LoadTotals Read() => new(
        Interlocked.Read(ref sent), Interlocked.Read(ref ok), Interlocked.Read(ref errors), Interlocked.Read(ref dropped), Interlocked.Read(ref latencyTicks));

    private static LoadSummary Summarise(LoadTotals now, LoadTotals before)
    {
        var answered = now.Ok + now.Errors - before.Ok - before.Errors;
        var latency = answered == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((now.LatencyTicks - before.LatencyTicks) / answered);
        return new LoadSummary(now.Sent - before.Sent, now.Ok - before.Ok, now.Errors - before.Errors, now.Dropped - before.Dropped, latency);
    }
}
