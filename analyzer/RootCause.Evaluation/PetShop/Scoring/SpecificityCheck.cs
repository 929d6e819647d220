using RootCause.Contracts;

namespace RootCause.Evaluation.PetShop.Scoring;

/// <summary>One analysis run over normal data, where the right answer is "no root cause".</summary>
/// <param name="Outcome">The report's outcome; null when the analysis failed.</param>
/// <param name="RootCauses">How many causes the report ranked.</param>
/// <param name="Error">Why the analysis failed, when it did (a failure counts as incorrect).</param>
public sealed record SpecificityCheck(string Scenario, string TargetNode, string Metric, DateTimeOffset At, AnalysisOutcome? Outcome, int RootCauses, string? Error)
{
    /// <summary>Correct when the report names no cause: outcome NoAnomaly, NotEnoughHistory or Inconclusive (causes, if any, are leads), or an empty ranking.</summary>
    public bool Correct => Error is null && (Outcome is AnalysisOutcome.NoAnomaly or AnalysisOutcome.NotEnoughHistory or AnalysisOutcome.Inconclusive || RootCauses == 0);
}
