namespace RootCause.Evaluation.Nab;

/// <summary>The result of running a detector over the corpus: one scored result per profile and how long detection took.</summary>
public sealed record NabRun(int Files, int Rows, IReadOnlyList<NabProfileResult> Profiles, TimeSpan DetectionTime);
