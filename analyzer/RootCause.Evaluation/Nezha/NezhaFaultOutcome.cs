using RootCause.Contracts;

namespace RootCause.Evaluation.Nezha;

/// <summary>What the analyzer and the trivial rule said about one fault, reduced to what the protocol scores.</summary>
/// <param name="System">OB or TT.</param>
/// <param name="Day">The day folder, e.g. 2022-08-22.</param>
/// <param name="Fault">The fault (its pod's service is the truth).</param>
/// <param name="HistoryIntervals">One-minute intervals before the injection's that the analysis had (30 unless the day starts later).</param>
/// <param name="Candidates">Our ranked services (see <see cref="Scoring.RankedServices"/>).</param>
/// <param name="Outcome">The report's outcome; null when the analysis failed.</param>
/// <param name="TopCauses">Our first three causes as "entity [fault class] score", for reading failures.</param>
/// <param name="Error">Why the analysis failed, when it did.</param>
/// <param name="Trivial">The trivial rule's ranking, largest deviation first.</param>
public sealed record NezhaFaultOutcome(
    string System,
    string Day,
    NezhaFault Fault,
    int HistoryIntervals,
    IReadOnlyList<string> Candidates,
    AnalysisOutcome? Outcome,
    IReadOnlyList<string> TopCauses,
    string? Error,
    IReadOnlyList<ServiceDeviation> Trivial)
{
    /// <summary>1-based rank of the truth among our services, or null.</summary>
    public int? Rank => RankOf(Candidates, Fault.Service);

    /// <summary>1-based rank of the truth in the trivial rule's ranking, or null.</summary>
    public int? TrivialRank => RankOf([.. Trivial.Select(t => t.Service)], Fault.Service);

    internal static int? RankOf(IReadOnlyList<string> ranked, string truth)
    {
        for (var i = 0; i < ranked.Count; i++)
        {
            if (string.Equals(ranked[i], truth, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }
}
