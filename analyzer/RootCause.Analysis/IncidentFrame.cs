using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis;

/// <summary>
/// The alert mapped onto a snapshot's timeline: intervals [0, BaselineEnd) are the baseline and
/// [BaselineEnd, WindowEnd) the incident window in which anomalies may start.
/// </summary>
internal sealed record IncidentFrame(int BaselineEnd, int WindowEnd, int AlertIndex)
{
    public static IncidentFrame? For(Symptom symptom, TelemetrySnapshot snapshot, AnalyzerOptions options)
    {
        var alert = snapshot.IndexAt(symptom.At);
        if (alert < 0)
        {
            return null;
        }

        var lookbackStart = snapshot.IndexAt(symptom.At - options.Lookback);
        var baselineEnd = Math.Max(1, lookbackStart + 1);
        var windowEnd = Math.Min(snapshot.Timeline.Count, snapshot.IndexAt(symptom.At + options.After) + 1);
        return baselineEnd >= windowEnd ? null : new IncidentFrame(baselineEnd, windowEnd, alert);
    }
}
