namespace RootCause.Agent.Pipeline;

/// <summary>How the agent runs.</summary>
/// <param name="Interval">Length of one MetricBatch interval.</param>
/// <param name="PollTimeout">Longest wait between ring-buffer drains; wake-ups are batched in the kernel.</param>
/// <param name="ExcludedPid">Never tracked: the agent itself (0 in tests that watch their own sockets).</param>
internal sealed record AgentOptions(
    string AgentId,
    string Node,
    TimeSpan Interval,
    TimeSpan PollTimeout,
    int ExcludedPid);
