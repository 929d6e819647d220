using RootCause.Analysis.Detection.Streaming;
using RootCause.Topology;

namespace RootCause.Analysis.Detection;

/// <summary>
/// Stage 1: every series of the snapshot is streamed through the streaming detector; a series on which it
/// alarms in the incident window is then sized and dated against its baseline by <see cref="RobustDetector"/>.
/// The alerted series are the exception: the alert is their alarm, raised by the user's own monitoring, so
/// they are only sized and dated.
/// </summary>
internal static class AnomalyDetection
{
    public static AnomalyMap Run(SeriesTable series, IncidentFrame frame, IReadOnlySet<SeriesKey> alerted, AnalyzerOptions options, TimeSpan step)
    {
        var found = new Dictionary<SeriesKey, SeriesAnomaly>();
        foreach (var key in series.Keys)
        {
            series.TryGet(key, out var values);

            // A series with no value beyond the severity threshold is no anomaly whatever the detector says, so
            // it is not streamed: this skips most series and changes no answer.
            var baseline = RobustDetector.Baseline(key.Metric, values, frame.BaselineEnd, step.TotalSeconds);
            if (baseline is null || !baseline.AnyBeyond(values, frame.BaselineEnd, frame.WindowEnd, options.MinSeverity))
            {
                continue;
            }

            var alarmed = alerted.Contains(key)
                || WindowAlarms.Find(values, frame.BaselineEnd, frame.WindowEnd, options.DetectorThreshold, options.Detector).Count > 0;
            if (alarmed && RobustDetector.Detect(key, values, frame.BaselineEnd, frame.WindowEnd, options.MinSeverity, baseline) is { } anomaly)
            {
                found[key] = anomaly;
            }
        }

        return new AnomalyMap(found);
    }
}
