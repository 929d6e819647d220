using System.Globalization;
using RootCause.Contracts;

namespace RootCause.Analysis.FaultTrees;

/// <summary>Holds when the candidate's evidence has an anomaly in one of the scopes, on one of the metrics, in the direction, at least as severe as asked.</summary>
internal sealed record AnomalyCondition(
    SourceMark Start,
    IReadOnlySet<EvidenceScope> Scopes,
    IReadOnlySet<string> Metrics,
    Direction Direction,
    double MinSeverity) : FaultCondition(Start)
{
    // Kept in file order for the words; the sets above are for matching and comparing.
    public required IReadOnlyList<EvidenceScope> ScopeOrder { get; init; }

    public required IReadOnlyList<string> MetricOrder { get; init; }

    public override string? Match(CandidateEvidence evidence)
    {
        ScopedAnomaly? strongest = null;
        foreach (var scoped in evidence.Anomalies)
        {
            var anomaly = scoped.Anomaly;
            if (Scopes.Contains(scoped.Scope) && Metrics.Contains(anomaly.Metric) && anomaly.Direction == Direction
                && anomaly.Severity >= MinSeverity && (strongest is null || anomaly.Severity > strongest.Anomaly.Severity))
            {
                strongest = scoped;
            }
        }

        return strongest is null ? null : Words(Vocabulary.Word(strongest.Scope), strongest.Anomaly.Metric);
    }

    public override string Describe() =>
        Words(OneOf(ScopeOrder.Select(Vocabulary.Word).ToList()), OneOf(MetricOrder));

    private string Words(string scope, string metric)
    {
        var words = $"{scope} {metric} {Vocabulary.Word(Direction)}";
        return MinSeverity > 0 ? words + $" (severity ≥ {MinSeverity.ToString(CultureInfo.InvariantCulture)})" : words;
    }

    private static string OneOf(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : "(" + string.Join(" or ", names) + ")";
}
