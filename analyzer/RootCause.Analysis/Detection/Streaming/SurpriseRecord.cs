namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// Scores a surprise against the largest surprise of the recent past (a maximum that halves every
/// <c>halfLife</c> points) and a multiple of the long-run average: only a surprise beyond what the series
/// has recently shown scores high. This calibrates across series and reports an event once, since the event
/// itself raises the reference for the points after it.
/// </summary>
internal sealed class SurpriseRecord(double halfLife, double longRate, double averageMultiple)
{
    private readonly double _decay = Math.Pow(0.5, 1.0 / halfLife);
    private double _record;
    private double _average;
    private int _count;

    public double Update(double surprise)
    {
        _count++;
        var reference = Math.Max(_record, averageMultiple * _average);
        var score = reference > 0 ? Math.Clamp(1 - (reference / surprise), 0, 1) : (surprise > 0 && _count > 1 ? 1 : 0);
        _record = Math.Max(_record * _decay, surprise);
        _average += Math.Max(longRate, 1.0 / _count) * (surprise - _average);
        return score;
    }
}
