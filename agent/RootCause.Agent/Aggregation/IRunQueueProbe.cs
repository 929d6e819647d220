namespace RootCause.Agent.Aggregation;

/// <summary>The kernel's per-process run-queue delay sums (map rc_rq_pids): only watched processes are measured.</summary>
internal interface IRunQueueProbe
{
    /// <summary>Starts measuring <paramref name="pid"/>; false when the map is full.</summary>
    bool Watch(int pid);

    /// <summary>Cumulative nanoseconds the process's threads waited for a CPU since it was watched.</summary>
    bool TryRead(int pid, out long delayNs);

    void Forget(int pid);
}
