using RootCause.Analysis.Demarcation;

namespace RootCause.Analysis.Ranking;

/// <summary>A candidate with its ranking features and the score they add up to.</summary>
internal sealed record RankedCandidate(Candidate Candidate, double Score, double Severity, double Correlation, double Onset);
