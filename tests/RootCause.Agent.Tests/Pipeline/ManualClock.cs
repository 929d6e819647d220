namespace RootCause.Agent.Tests.Pipeline;

/// <summary>A wall clock the test moves by hand (the monotonic timestamp follows it).</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now;

    public ManualClock(DateTimeOffset start)
    {
        now = start;
    }

    public override DateTimeOffset GetUtcNow() => now;

    public override long GetTimestamp() => now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Set(DateTimeOffset moment) => now = moment;

    public void Advance(TimeSpan by) => now += by;
}
