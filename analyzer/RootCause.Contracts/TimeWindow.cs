namespace RootCause.Contracts;

/// <summary>A half-open time window [Start, End).</summary>
public sealed record TimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset t) => t >= Start && t < End;
}
