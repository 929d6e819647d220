namespace RootCause.Analysis.Tests.Scenarios;

/// <summary>A clock that always reads the same instant, so reports are reproducible.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
