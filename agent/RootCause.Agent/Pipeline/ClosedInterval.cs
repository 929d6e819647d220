namespace RootCause.Agent.Pipeline;

/// <summary>One cell of the interval grid, closed: its start on the grid, its nominal length and what becomes of its batch.</summary>
/// <param name="Lateness">How long after the cell's end it was closed (the drain loop's poll period, normally).</param>
internal sealed record ClosedInterval(DateTimeOffset Start, double Seconds, IntervalOutcome Outcome, TimeSpan Lateness)
{
    public bool Send => Outcome == IntervalOutcome.Sent;
}
