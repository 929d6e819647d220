namespace RootCause.Topology;

/// <summary>What the store did with one batch.</summary>
public enum BatchPlacement
{
    /// <summary>Placed in its cell of the interval grid.</summary>
    Placed,

    /// <summary>The agent had already sent a batch for this interval (a retry or a late resend): this one replaced it.</summary>
    ReplacedDuplicate,

    /// <summary>Older than the retention measured from the newest interval: not kept.</summary>
    Expired,
}
