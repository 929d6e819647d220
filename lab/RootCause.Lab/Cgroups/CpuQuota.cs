namespace RootCause.Lab;

/// <summary>A cgroup's CPU bandwidth: <paramref name="QuotaMicroseconds"/> of CPU time per period; null quota is no limit.</summary>
internal sealed record CpuQuota(long? QuotaMicroseconds, long PeriodMicroseconds)
{
    /// <summary>The share of one CPU the quota allows; null for no limit.</summary>
    public double? Cpus => QuotaMicroseconds is { } quota ? (double)quota / PeriodMicroseconds : null;

    public override string ToString() => QuotaMicroseconds is { } quota ? $"{quota} us per {PeriodMicroseconds} us" : $"no limit (period {PeriodMicroseconds} us)";
}
