namespace RootCause.Simulation;

/// <summary>The static thresholds of the simulated monitoring system, tuned on the healthy baseline.</summary>
/// <param name="LatencyP99Seconds">Entry p99 above this fires a latency alert.</param>
/// <param name="ErrorRate">Entry error ratio above this fires an error-rate alert.</param>
public sealed record AlertThresholds(double LatencyP99Seconds, double ErrorRate);
