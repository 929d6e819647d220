namespace RootCause.Lab;

/// <summary>How a supervised process is restarted and stopped (kubelet-like, with lab-sized back-offs).</summary>
/// <param name="InitialBackOff">Wait before the first restart after an exit.</param>
/// <param name="MaximumBackOff">The back-off doubles after each exit up to this.</param>
/// <param name="StableAfter">A process that ran this long before exiting restarts after the initial back-off again.</param>
/// <param name="StopSignal">Signal that asks it to stop ("TERM"; PostgreSQL's fast shutdown is "INT").</param>
/// <param name="StopTimeout">How long it may take to stop after the signal before it is killed.</param>
internal sealed record SupervisionPolicy(TimeSpan InitialBackOff, TimeSpan MaximumBackOff, TimeSpan StableAfter, string StopSignal, TimeSpan StopTimeout)
{
    public static SupervisionPolicy Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(20), "TERM", TimeSpan.FromSeconds(5));
}
