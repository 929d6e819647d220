namespace RootCause.Agent.Pipeline;

/// <summary>
/// The one interval grid of the wire contract: cells are wall-clock multiples of the nominal length since the
/// Unix epoch (10 s → :00, :10, :20 …), the same on every agent. A batch carries its cell's start and the
/// nominal length whatever the small lateness of its flush, so the server places every agent's batches on the
/// same cells. The cell the agent starts in is partial and not sent; so is a cell closed more than a whole
/// interval late, or one the wall clock stepped back into.
/// </summary>
internal sealed class IntervalGrid
{
    private readonly TimeProvider time;

    public IntervalGrid(TimeSpan length, TimeProvider time)
    {
        if (length <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "the interval must be positive");
        }

        Length = length;
        this.time = time;
        var now = time.GetUtcNow();
        CurrentStart = Floor(now);
        CurrentIsPartial = now != CurrentStart;
    }

    public TimeSpan Length { get; }

    /// <summary>Start of the cell being collected.</summary>
    public DateTimeOffset CurrentStart { get; private set; }

    /// <summary>The current cell began before the agent watched it (start-up, a stall, a clock step).</summary>
    public bool CurrentIsPartial { get; private set; }

    public DateTimeOffset CurrentEnd => CurrentStart + Length;

    /// <summary>The start of the cell that holds <paramref name="moment"/>.</summary>
    public DateTimeOffset Floor(DateTimeOffset moment)
    {
        var sinceEpoch = moment.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var cells = sinceEpoch / Length.Ticks;
        if (sinceEpoch % Length.Ticks < 0)
        {
            cells--;
        }

        return DateTimeOffset.UnixEpoch.AddTicks(cells * Length.Ticks);
    }

    /// <summary>Closes the current cell when its end has passed (or the clock stepped back) and moves on; null when it is not due.</summary>
    public ClosedInterval? Poll()
    {
        var now = time.GetUtcNow();
        if (now >= CurrentStart && now < CurrentEnd)
        {
            return null;
        }

        var lateness = now - CurrentEnd;
        var outcome = now < CurrentStart ? IntervalOutcome.ClockStepped
            : CurrentIsPartial ? IntervalOutcome.Partial
            : lateness >= Length ? IntervalOutcome.Stalled
            : IntervalOutcome.Sent;
        var closed = new ClosedInterval(CurrentStart, Length.TotalSeconds, outcome, lateness < TimeSpan.Zero ? TimeSpan.Zero : lateness);
        if (outcome == IntervalOutcome.ClockStepped || lateness >= Length)
        {
            // Resume on the grid at the cell that holds now; the part of it before now went into the closed batch.
            CurrentStart = Floor(now);
            CurrentIsPartial = now != CurrentStart;
        }
        else
        {
            CurrentStart = CurrentEnd;
            CurrentIsPartial = false;
        }

        return closed;
    }
}
