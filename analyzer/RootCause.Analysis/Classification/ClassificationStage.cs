using RootCause.Analysis.Detection;
using RootCause.Analysis.FaultTrees;
using RootCause.Analysis.Ranking;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Classification;

/// <summary>
/// Stage 5: the fault trees classify each of the top candidates from its evidence (its own anomalies and
/// those around it, by scope); the result is the report's ranked causes.
/// </summary>
internal static class ClassificationStage
{
    private const int MaxEvidencePerCause = 8;

    public static List<RankedCause> Run(IEnumerable<RankedCandidate> ranked, int maxCauses, FaultTreeSet faultTrees, TopologyGraph graph, AnomalyMap anomalies, IReadOnlyList<DateTimeOffset> timeline)
    {
        var collector = new EvidenceCollector(graph, anomalies, timeline);
        var causes = new List<RankedCause>();
        foreach (var r in ranked.Take(maxCauses))
        {
            var evidence = collector.Collect(r.Candidate.Entity);
            var classification = faultTrees.Classify(evidence);
            var shown = evidence.Anomalies
                .OrderBy(a => a.Scope == EvidenceScope.Self ? 0 : 1)
                .ThenByDescending(a => a.Anomaly.Severity)
                .Select(a => a.Anomaly)
                .Distinct()
                .Take(MaxEvidencePerCause)
                .ToList();
            causes.Add(new RankedCause(
                causes.Count + 1,
                r.Candidate.Entity,
                Math.Round(Math.Clamp(r.Score, 0, 1), 3),
                classification.FaultClass,
                classification.Title,
                [.. r.Candidate.Reasons.Distinct(), .. classification.ConditionPath],
                shown,
                classification.Advice));
        }

        return causes;
    }
}
