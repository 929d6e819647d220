using RootCause.Analysis.Demarcation;
using RootCause.Analysis.Detection;
using RootCause.Contracts;

namespace RootCause.Analysis.Ranking;

/// <summary>
/// Stage 4: orders candidates by evidence: graph position (how specifically it explains the degraded
/// services), the severity of its own signals, how closely its strongest signal follows the symptom, and
/// whether it deviated no later than the symptom.
/// </summary>
internal static class CandidateRanking
{
    private const double PositionWeight = 0.40;
    private const double SeverityWeight = 0.25;
    private const double CorrelationWeight = 0.20;
    private const double OnsetWeight = 0.15;

    /// <summary>Score factor of a candidate with no error-like signal when the alert is about errors.</summary>
    private const double NoErrorSignalFactor = 0.7;

    /// <summary>Score factor of a lead: a candidate found while the alerted KPI itself shows no deviation.</summary>
    private const double LeadFactor = 0.5;

    /// <summary>How far below its explainer an explained candidate is placed.</summary>
    private const double ExplainedMargin = 0.01;

    public static IReadOnlyList<RankedCandidate> Rank(IEnumerable<Candidate> candidates, Func<SeriesAnomaly, double[]?> seriesOf, double[]? symptomSeries, SeriesAnomaly symptom, string kpi, IncidentFrame frame)
    {
        // Correlate around the incident: over the whole baseline, any two series that drifted correlate.
        var from = Math.Max(0, frame.BaselineEnd - (frame.WindowEnd - frame.BaselineEnd));
        var symptomOnset = symptom.OnsetIndex;
        var ranked = new List<RankedCandidate>();
        foreach (var candidate in candidates)
        {
            var strongest = candidate.Strongest;
            if (strongest is null)
            {
                continue;
            }

            var severity = Math.Log(1 + strongest.Severity) / Math.Log(1 + RobustDetector.MaxSeverity);
            var series = seriesOf(strongest);
            var correlation = series is null || symptomSeries is null ? 0 : Math.Abs(Correlation.Pearson(series, symptomSeries, from, frame.WindowEnd));
            var earliest = candidate.Signals.Min(s => s.OnsetIndex);
            var onset = earliest <= symptomOnset ? 1.0 : Math.Max(0, 1 - ((earliest - symptomOnset) / 5.0));
            var score = (PositionWeight * Math.Min(candidate.Position, GraphPosition.Ceiling) / GraphPosition.Ceiling)
                + (SeverityWeight * severity)
                + (CorrelationWeight * correlation)
                + (OnsetWeight * onset);
            if (kpi == Kpis.ErrorRate && !candidate.Signals.Any(s => SymptomMetrics.ErrorCauses.Contains(s.Metric)))
            {
                // Slowness alone rarely explains failing requests.
                score *= NoErrorSignalFactor;
            }

            ranked.Add(new RankedCandidate(candidate, Math.Round(score, 4), severity, correlation, onset));
        }

        return BelowExplainers(ranked)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Candidate.Entity.Kind)
            .ThenBy(r => r.Candidate.Entity.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The ranking as leads when the alerted KPI shows no deviation: same order, scores scaled by
    /// <see cref="LeadFactor"/> so that no lead reads as confident as a cause behind a visible symptom.
    /// </summary>
    public static IReadOnlyList<RankedCandidate> AsLeads(IReadOnlyList<RankedCandidate> ranked, string reason)
    {
        foreach (var r in ranked)
        {
            r.Candidate.Reasons.Insert(0, reason);
        }

        return [.. ranked.Select(r => r with { Score = Math.Round(r.Score * LeadFactor, 4) })];
    }

    /// <summary>
    /// A candidate that a more specific one explains (a caller slowed by its link, an instance failing
    /// on a dead peer) ranks below it, whatever its own series say: its deviation is the explainer's
    /// effect. Mutual explanations cancel; chains settle in as many passes as they are long.
    /// </summary>
    private static List<RankedCandidate> BelowExplainers(List<RankedCandidate> ranked)
    {
        var byEntity = ranked.ToDictionary(r => r.Candidate.Entity);
        for (var pass = 0; pass < ranked.Count; pass++)
        {
            var changed = false;
            foreach (var r in ranked)
            {
                var ceiling = r.Candidate.ExplainedBy
                    .Where(e => byEntity.ContainsKey(e) && !byEntity[e].Candidate.ExplainedBy.Contains(r.Candidate.Entity))
                    .Select(e => byEntity[e].Score - ExplainedMargin)
                    .DefaultIfEmpty(double.MaxValue)
                    .Min();
                var current = byEntity[r.Candidate.Entity];
                if (current.Score > ceiling)
                {
                    byEntity[r.Candidate.Entity] = current with { Score = Math.Round(Math.Max(0, ceiling), 4) };
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return [.. byEntity.Values];
    }
}
