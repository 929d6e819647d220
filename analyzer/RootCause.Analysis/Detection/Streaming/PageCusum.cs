namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// Two-sided Page CUSUM over standardised residuals: accumulates small persistent shifts of the level that
/// a point-wise test misses. It restarts after an alarm so a level shift alarms once, not on every point.
/// </summary>
internal sealed class PageCusum(double drift, double alarm)
{
    private double _up;
    private double _down;

    /// <summary>Adds a standardised residual and returns the larger side as a share of the alarm level.</summary>
    public double Update(double z)
    {
        _up = Math.Max(0, _up + z - drift);
        _down = Math.Max(0, _down - z - drift);
        var statistic = Math.Max(_up, _down) / alarm;
        if (statistic >= 1)
        {
            _up = 0;
            _down = 0;
        }

        return statistic;
    }
}
