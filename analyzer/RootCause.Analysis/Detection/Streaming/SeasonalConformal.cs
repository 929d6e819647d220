namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// The seasonal view: the newest <c>window</c> values compared with the same phase of the previous
/// <c>cycles</c> cycles of the period <see cref="SeasonalPeriod"/> estimates from the past. Its strangeness is
/// the Euclidean distance to the nearest of those aligned windows (each tried up to <c>shift</c> points early or
/// late, as a cycle's phase jitters), and the score is that strangeness's conformal p-value among the recent
/// ones (<see cref="BlockMaximaCalibration"/>) on a log scale: p = 10^-<c>decades</c> (or rarer) scores 1. A
/// changed daily shape, ordinary anywhere in the range and so invisible to the other views, is far from the same
/// hour of the previous days. Without a clear season the view scores 0 and learns no strangeness. Memory is
/// constant: the estimator's buffer and a ring of <c>cycles</c> maximal periods.
/// </summary>
internal sealed class SeasonalConformal
{
    private const int MinimumCalibration = 50;

    private readonly SeasonalPeriod _period;
    private readonly int _window;
    private readonly int _cycles;
    private readonly int _shift;
    private readonly double _decades;
    private readonly double[] _history;
    private readonly BlockMaximaCalibration _calibration;
    private long _count;

    /// <param name="period">The online period estimate the view aligns on.</param>
    /// <param name="maximumPeriod">The longest period the estimate may return.</param>
    /// <param name="window">Values compared per phase.</param>
    /// <param name="cycles">Previous cycles the newest window is compared with.</param>
    /// <param name="shift">Points a previous cycle's window may be moved to match the phase.</param>
    /// <param name="calibration">Recent points whose strangeness the p-value ranks against.</param>
    /// <param name="block">Points per calibration block (<see cref="BlockMaximaCalibration"/>).</param>
    /// <param name="decades">A p-value of 10^-this (or smaller) scores 1.</param>
    public SeasonalConformal(SeasonalPeriod period, int maximumPeriod, int window, int cycles, int shift, int calibration, int block, double decades)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cycles, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(shift);
        ArgumentOutOfRangeException.ThrowIfLessThan(block, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(calibration, MinimumCalibration * block);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(decades);
        _period = period;
        _window = window;
        _cycles = cycles;
        _shift = shift;
        _decades = decades;
        _history = new double[(cycles * maximumPeriod) + window + shift + 1];
        _calibration = new BlockMaximaCalibration(calibration / block, block, MinimumCalibration);
    }

    /// <summary>Learns a finite value and returns its seasonal score in [0,1] (0 without a clear season).</summary>
    public double Update(double value)
    {
        var length = _history.Length;
        _history[_count % length] = value;
        _count++;
        var period = _period.Update(value);
        if (period == 0 || _count < period + _window + _shift)
        {
            return 0;
        }

        var strangeness = Strangeness(period);
        if (double.IsPositiveInfinity(strangeness))
        {
            return 0; // no previous cycle to compare with yet
        }

        var p = _calibration.Rank(strangeness);
        return Math.Clamp(-Math.Log10(p) / _decades, 0, 1);
    }

    /// <summary>The distance of the newest window to the nearest window at the same phase of a previous cycle.</summary>
    private double Strangeness(int period)
    {
        var length = _history.Length;
        var newest = _count - 1;
        var nearest = double.PositiveInfinity;
        for (var cycle = 1; cycle <= _cycles; cycle++)
        {
            for (var offset = -_shift; offset <= _shift; offset++)
            {
                var end = newest - (cycle * period) + offset;
                if (end - _window + 1 < Math.Max(0, _count - length) || end > newest - _window)
                {
                    continue; // forgotten, or overlapping the newest window
                }

                double squared = 0;
                for (var t = 0; t < _window && squared < nearest; t++)
                {
                    var d = _history[(newest - t) % length] - _history[(end - t) % length];
                    squared += d * d;
                }

                nearest = Math.Min(nearest, squared);
            }
        }

        return Math.Sqrt(nearest);
    }
}
