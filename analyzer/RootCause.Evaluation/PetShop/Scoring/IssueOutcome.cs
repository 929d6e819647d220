using RootCause.Contracts;
using RootCause.Evaluation.Scoring;

namespace RootCause.Evaluation.PetShop.Scoring;

/// <summary>What the analyzer said about one PetShop issue, reduced to what the protocol scores.</summary>
/// <param name="Scenario">low_traffic, high_traffic, temporal_traffic1 or temporal_traffic2.</param>
/// <param name="Split">train or test.</param>
/// <param name="Issue">issue_N.</param>
/// <param name="TargetNode">The alerted component.</param>
/// <param name="Metric">latency or availability.</param>
/// <param name="Truth">root_cause.node as written in target.json.</param>
/// <param name="TruthComponent">The graph component it names; null when none does (the issue then counts as a miss).</param>
/// <param name="Candidates">Ranked services (see <see cref="RankedServices"/>).</param>
/// <param name="Outcome">The report's outcome; null when the analysis failed.</param>
/// <param name="TopCauses">The first three causes as "entity (fault class, score)", for reading failures.</param>
/// <param name="Error">Why the analysis failed, when it did.</param>
public sealed record IssueOutcome(
    string Scenario,
    string Split,
    string Issue,
    string TargetNode,
    string Metric,
    string Truth,
    string? TruthComponent,
    IReadOnlyList<string> Candidates,
    AnalysisOutcome? Outcome,
    IReadOnlyList<string> TopCauses,
    string? Error)
{
    /// <summary>Whether the true component is among the first <paramref name="k"/> ranked services.</summary>
    public bool InTop(int k) => TruthComponent is not null && Candidates.Take(k).Contains(TruthComponent, StringComparer.Ordinal);

    /// <summary>1-based rank of the truth among the candidates, or null.</summary>
    public int? TruthRank
    {
        get
        {
            if (TruthComponent is null)
            {
                return null;
            }

            for (var i = 0; i < Candidates.Count; i++)
            {
                if (string.Equals(Candidates[i], TruthComponent, StringComparison.Ordinal))
                {
                    return i + 1;
                }
            }

            return null;
        }
    }
}
