namespace RootCause.Evaluation.RiskLoc;

/// <summary>One localiser on one case: what it predicted, how it scored, how long it took.</summary>
public sealed record RiskLocCaseResult(string Case, string Localiser, IReadOnlyList<string> Predicted, IReadOnlyList<string> Labels, int TruePositives, int FalsePositives, int FalseNegatives, TimeSpan Elapsed);
