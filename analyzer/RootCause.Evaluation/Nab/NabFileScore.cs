namespace RootCause.Evaluation.Nab;

/// <summary>One file's raw NAB score at a threshold, with the windows found and missed and the false-positive rows.</summary>
public sealed record NabFileScore(string Name, double Raw, int WindowsDetected, int WindowsMissed, int FalsePositiveRows);
