namespace RootCause.Agent.Pipeline;

/// <summary>What becomes of a closed interval's batch.</summary>
internal enum IntervalOutcome
{
    /// <summary>Collected over the whole cell and closed in time: sent.</summary>
    Sent,

    /// <summary>The cell the agent started in (or resumed in) was only partly watched: rates would read low, so not sent.</summary>
    Partial,

    /// <summary>Closed more than one interval late (the process stalled): it holds more than one cell's data, so not sent.</summary>
    Stalled,

    /// <summary>The wall clock stepped back before the cell's start: the grid restarts, the batch is not sent.</summary>
    ClockStepped,
}
