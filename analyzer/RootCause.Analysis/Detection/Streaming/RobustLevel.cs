namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// Exponentially weighted level and spread with Huber clipping: an outlier moves the level and the spread by
/// at most <c>clip</c> spreads, so one spike neither drags the baseline nor hides the next spike.
/// </summary>
internal sealed class RobustLevel(double levelRate, double spreadRate, double clip)
{
    private bool _started;

    public double Level { get; private set; }

    /// <summary>Mean absolute deviation from the level (a robust stand-in for the standard deviation).</summary>
    public double Spread { get; private set; }

    public int Count { get; private set; }

    /// <summary>The deviation of <paramref name="value"/> from the level before it is learned.</summary>
    public double Residual(double value) => _started ? value - Level : 0;

    public void Learn(double value)
    {
        Count++;
        if (!_started)
        {
            _started = true;
            Level = value;
            return;
        }

        var residual = value - Level;
        var bound = clip * Spread;
        var clipped = Spread > 0 ? Math.Clamp(residual, -bound, bound) : residual;
        // Warm-up: plain averages until the rates take over, so early values are not over-weighted by the first one.
        var a = Math.Max(levelRate, 1.0 / Count);
        var b = Math.Max(spreadRate, 1.0 / Count);
        Level += a * clipped;
        Spread += b * (Math.Abs(clipped) - Spread);
    }
}
