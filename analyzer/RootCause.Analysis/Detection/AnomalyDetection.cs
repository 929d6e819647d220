using RootCause.Topology;

namespace RootCause.Analysis.Detection;

/// <summary>Stage 1: runs the detector over every series of the snapshot.</summary>
internal static class AnomalyDetection
{
    public static AnomalyMap Run(SeriesTable series, IncidentFrame frame, double threshold, TimeSpan step)
    {
        var found = new Dictionary<SeriesKey, SeriesAnomaly>();
        foreach (var key in series.Keys)
        {
            series.TryGet(key, out var values);
            var anomaly = RobustDetector.Detect(key, values, frame.BaselineEnd, frame.WindowEnd, threshold, step.TotalSeconds);
            if (anomaly is not null)
            {
                found[key] = anomaly;
            }
        }

        return new AnomalyMap(found);
    }
}
