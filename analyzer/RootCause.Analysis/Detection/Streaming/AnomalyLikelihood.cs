using MathNet.Numerics;

namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// Turns a raw surprise into a calibrated score: how unlikely the recent average surprise is under the
/// series' own long-run distribution of that average (the idea behind Numenta's anomaly likelihood). Every
/// series thereby speaks the same [0,1] language, which the single corpus-wide threshold needs.
/// </summary>
internal sealed class AnomalyLikelihood(int shortWindow, double longRate, double minSpread)
{
    /// <summary>The tail probability mapped to 1; scores are -log10(tail) over this many decades.</summary>
    private const double Decades = 10;

    private readonly RingBuffer _recent = new(shortWindow);
    private double _mean;
    private double _variance;
    private int _count;

    /// <summary>Adds a raw surprise and returns the log-scaled tail probability of the recent average, in [0,1].</summary>
    public double Update(double surprise)
    {
        _recent.Add(surprise);
        var average = _recent.Sum / _recent.Count;
        _count++;
        double score = 0;
        if (_count > 1)
        {
            var spread = Math.Max(Math.Sqrt(_variance), minSpread);
            var z = (average - _mean) / spread;
            var tail = 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));
            score = Math.Clamp(-Math.Log10(tail + 1e-300) / Decades, 0, 1);
        }

        var rate = Math.Max(longRate, 1.0 / _count);
        var delta = average - _mean;
        _mean += rate * delta;
        _variance = (1 - rate) * (_variance + (rate * delta * delta));
        return score;
    }
}
