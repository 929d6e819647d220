using RootCause.Contracts;

namespace RootCause.Analysis.Detection.Streaming;

/// <summary>What the streaming detector found in an incident window of one series.</summary>
/// <param name="OnsetIndex">Index of the first point in the window whose score reached the threshold.</param>
/// <param name="Direction">Side of the slow baseline the onset point lies on.</param>
/// <param name="Severity">Largest deviation from the slow baseline, in robust spreads, from the onset to the window's end (capped at <see cref="WindowDetector.MaxSeverity"/>).</param>
/// <param name="Score">Highest detector score in the window, in [0,1].</param>
/// <param name="Baseline">Slow baseline level just before the onset.</param>
/// <param name="Observed">Median of the values from the onset to the window's end.</param>
public sealed record WindowDeviation(int OnsetIndex, Direction Direction, double Severity, double Score, double Baseline, double Observed);
