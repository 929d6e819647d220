using RootCause.Analysis.Classification;
using RootCause.Analysis.Demarcation;
using RootCause.Analysis.Detection;
using RootCause.Analysis.Detection.Streaming;
using RootCause.Analysis.DrillDown;
using RootCause.Analysis.FaultTrees;
using RootCause.Analysis.Ranking;
using RootCause.Analysis.Reports;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis;

/// <summary>
/// The analysis core: a pure function of (symptom, snapshot, fault trees, clock) → report.
/// Each stage lives in its own folder; this type only runs them in order.
/// </summary>
public sealed class RootCauseAnalyzer(FaultTreeSet faultTrees, AnalyzerOptions options, TimeProvider clock)
{
    public AnalyzerOptions Options => options;

    public RootCauseReport Analyze(Guid id, Symptom symptom, TelemetrySnapshot snapshot)
    {
        // The analysis sees its own window whatever the snapshot holds: older history (an earlier incident)
        // would teach the detector and the baseline a different normal.
        snapshot = snapshot.Within(AnalysisWindow.For(symptom, options));
        var window = snapshot.Timeline.Count == 0
            ? AnalysisWindow.For(symptom, options)
            : new TimeWindow(snapshot.Timeline[0], snapshot.Timeline[^1] + snapshot.Step);
        RootCauseReport Empty(AnalysisOutcome outcome)
        {
            var noDrillDown = NoDrillDown(symptom);
            return new(id, symptom, outcome, ReportSummary.Write(symptom, null, outcome, [], [], noDrillDown), [], [symptom.Service], noDrillDown, window, clock.GetUtcNow());
        }

        var frame = IncidentFrame.For(symptom, snapshot, options);
        var symptomEntity = new EntityRef(EntityKind.Service, symptom.Service);
        var series = snapshot.Series;
        if (frame is null || series.Get(symptomEntity, MetricCatalog.Requests) is not { } requests || RobustDetector.Finite(requests, 0, frame.WindowEnd).Count == 0)
        {
            return Empty(AnalysisOutcome.NoData);
        }

        // Stage 1: anomaly detection on every series.
        var alerted = SymptomMetrics.For(symptom).Select(m => new SeriesKey(symptomEntity, m)).ToHashSet();
        var anomalies = AnomalyDetection.Run(series, frame, alerted, options, snapshot.Step);
        // An alert fired even when its KPI stays within its baseline (or has too little history to tell):
        // the deviations around the alert are still the best leads, ranked as usual but marked as leads.
        var symptomAnomaly = SymptomAnomaly(anomalies, symptomEntity, symptom);
        var weak = symptomAnomaly is null;
        var outcomeWhenWeak = HistoryOf(series, symptomEntity, symptom, frame) < WindowAlarms.MinimumBaseline ? AnalysisOutcome.NotEnoughHistory : AnalysisOutcome.NoAnomaly;
        symptomAnomaly ??= AtAlert(symptomEntity, symptom, frame);

        // A deviation already under way when the window opened, while the symptom began later, predates
        // the incident (a standing degradation, a changed baseline): it cannot be what the alert is about.
        if (symptomAnomaly.OnsetIndex > frame.BaselineEnd)
        {
            anomalies = anomalies.Where(a => a.Entity == symptomEntity || a.OnsetIndex > frame.BaselineEnd);
        }

        // Stage 2: drill-down of the alerted KPI.
        var drillDown = weak ? NoDrillDown(symptom) : DrillDownStage.Run(symptom, snapshot, frame, symptomAnomaly.OnsetIndex);

        // Stage 3: horizontal, vertical and network demarcation.
        var demarcation = DemarcationStage.Run(snapshot.Graph, anomalies, symptom.Service, symptomAnomaly);

        // Stage 4: ranking.
        var symptomSeries = series.Get(symptomEntity, symptomAnomaly.Metric);
        var ranked = CandidateRanking.Rank(demarcation.Candidates.Values, a => series.Get(a.Entity, a.Metric), symptomSeries, symptomAnomaly, symptom.Kpi, frame);
        if (weak)
        {
            ranked = CandidateRanking.AsLeads(ranked, $"a lead: the alerted {Kpis.Words(symptom.Kpi)} of {symptom.Service} {(outcomeWhenWeak == AnalysisOutcome.NotEnoughHistory ? "has too little history to judge" : "stayed within its baseline")}");
        }

        // Stage 5: fault-tree classification of the top candidates.
        var causes = ClassificationStage.Run(ranked, options.MaxRootCauses, faultTrees, snapshot.Graph, anomalies, snapshot.Timeline);

        // Stage 6: the report.
        var outcome = weak ? outcomeWhenWeak
            : causes.Count > 0 && causes[0].FaultClass != FaultClass.InconclusiveId ? AnalysisOutcome.RootCauseFound : AnalysisOutcome.Inconclusive;
        var path = causes.Count > 0 ? PropagationPath.Find(snapshot.Graph, symptom.Service, causes[0].Entity, demarcation.DegradedServices) : [symptom.Service];
        var symptomEvidence = weak ? null : symptomAnomaly.ToEvidence(snapshot.Timeline);
        return new RootCauseReport(
            id,
            symptom,
            outcome,
            ReportSummary.Write(symptom, symptomEvidence, outcome, causes, path, drillDown),
            causes,
            path,
            drillDown,
            window,
            clock.GetUtcNow());
    }

    private static DrillDownResult NoDrillDown(Symptom symptom) =>
        new(symptom.Kpi, [], "No drill-down: the alerted KPI shows no deviation to explain.");

    /// <summary>Finite points of the alerted KPI's first series before the window: the history it is judged against.</summary>
    private static int HistoryOf(SeriesTable series, EntityRef service, Symptom symptom, IncidentFrame frame) =>
        series.Get(service, SymptomMetrics.For(symptom)[0]) is { } values ? RobustDetector.Finite(values, 0, frame.BaselineEnd).Count : 0;

    /// <summary>A symptom its KPI does not show: it begins when the alert fired, with no size.</summary>
    private static SeriesAnomaly AtAlert(EntityRef service, Symptom symptom, IncidentFrame frame) =>
        new(new SeriesKey(service, SymptomMetrics.For(symptom)[0]), symptom.Kpi == Kpis.Throughput ? Direction.Down : Direction.Up, 0, frame.AlertIndex, double.NaN, double.NaN);

    /// <summary>The alerted KPI's anomaly: the strongest of the metrics that measure it, in the direction that hurts.</summary>
    private static SeriesAnomaly? SymptomAnomaly(AnomalyMap anomalies, EntityRef service, Symptom symptom)
    {
        var strongest = anomalies.Strongest(service, SymptomMetrics.For(symptom));
        return symptom.Kpi == Kpis.Throughput || strongest is { Direction: Direction.Up } ? strongest : null;
    }
}
