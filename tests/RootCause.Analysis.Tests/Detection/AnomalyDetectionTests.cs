using RootCause.Analysis.Detection;
using RootCause.Bundles;
using RootCause.Contracts;
using RootCause.Simulation;
using RootCause.Topology;

namespace RootCause.Analysis.Tests.Detection;

/// <summary>Stage 1 as the analyzer runs it: the streaming detector proposes, the robust baseline confirms.</summary>
public sealed class AnomalyDetectionTests
{
    private static readonly AnalyzerOptions Options = new();

    /// <summary>
    /// A slow-database incident in which one unrelated service also runs a job every ten minutes that multiplies
    /// its latency tenfold for a minute, before and during the incident.
    /// </summary>
    private static (TelemetrySnapshot Snapshot, IncidentFrame Frame, Symptom Alert, string Cron) Incident()
    {
        var scenario = Scenario.Create(new ScenarioOptions { Services = 24, Fault = FaultKind.SlowDatabase, Seed = 7 });
        var bundle = scenario.ToBundle();
        var cron = bundle.Batches.SelectMany(b => b.Golden).Select(g => g.Service)
            .Where(s => s != scenario.EntryService && s != scenario.Truth!.Entity.Name)
            .Order(StringComparer.Ordinal).Last();
        var start = bundle.Batches.Min(b => b.IntervalStart);
        var batches = bundle.Batches.Select(b =>
        {
            var minute = (int)((b.IntervalStart - start).TotalMinutes);
            return minute % 10 != 9 ? b : b with
            {
                Golden = [.. b.Golden.Select(g => g.Service != cron ? g : g with { Stats = g.Stats with { LatencySumSeconds = g.Stats.LatencySumSeconds * 10 } })],
            };
        }).ToList();
        var snapshot = (bundle with { Batches = batches }).ToSnapshot();
        return (snapshot, IncidentFrame.For(bundle.Alert, snapshot, Options)!, bundle.Alert, cron);
    }

    [Fact]
    public void A_spike_the_baseline_already_repeats_is_no_anomaly_though_the_median_alone_would_call_it_one()
    {
        var (snapshot, frame, alert, cron) = Incident();
        var key = new SeriesKey(new EntityRef(EntityKind.Service, cron), MetricCatalog.LatencyMean);
        var values = snapshot.Series.Get(key.Entity, key.Metric)!;
        var baseline = RobustDetector.Baseline(key.Metric, values, frame.BaselineEnd, snapshot.Step.TotalSeconds)!;

        var anomalies = AnomalyDetection.Run(snapshot.Series, frame, new HashSet<SeriesKey>(), Options, snapshot.Step);

        Assert.NotNull(RobustDetector.Detect(key, values, frame.BaselineEnd, frame.WindowEnd, Options.MinSeverity, baseline));
        Assert.Null(anomalies.Of(key.Entity, key.Metric));
        Assert.NotNull(anomalies.Of(new EntityRef(EntityKind.Service, alert.Service), MetricCatalog.LatencyMean));
    }

    [Fact]
    public void An_alerted_series_needs_no_alarm_from_the_detector()
    {
        var (snapshot, frame, _, cron) = Incident();
        var key = new SeriesKey(new EntityRef(EntityKind.Service, cron), MetricCatalog.LatencyMean);

        var anomalies = AnomalyDetection.Run(snapshot.Series, frame, new HashSet<SeriesKey> { key }, Options, snapshot.Step);

        Assert.NotNull(anomalies.Of(key.Entity, key.Metric));
    }
}
