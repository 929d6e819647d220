namespace RootCause.Evaluation.Nab;

/// <summary>A labelled anomaly window: the rows from <paramref name="Start"/> to <paramref name="End"/>, both included.</summary>
public readonly record struct NabWindow(DateTime Start, DateTime End);
