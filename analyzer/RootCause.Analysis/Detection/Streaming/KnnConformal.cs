namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// A k-nearest-neighbour conformal detector over lagged windows (the idea of KNN CAD, our own code): the
/// newest <c>dimension</c> values form a window, its strangeness is the summed Euclidean distance to its
/// <c>neighbours</c> nearest windows among the last <c>references</c> windows that do not overlap it, and the
/// score is the conformal p-value of that strangeness among the last <c>calibration</c> points' strangeness
/// (<see cref="BlockMaximaCalibration"/>: against every value, or against the maxima of blocks of
/// <c>block</c> points), on a log scale: p = 10^-<c>decades</c> (or rarer) scores 1. Everything lives in fixed
/// rings, so memory is constant; a point costs O(references × dimension + calibration / block). The p-value is
/// a rank within the series' own history, so the score needs no scale and no range.
/// </summary>
internal sealed class KnnConformal
{
    private const int MinimumCalibration = 50;

    private readonly int _dimension;
    private readonly int _references;
    private readonly double _decades;
    private readonly double[] _history;
    private readonly BlockMaximaCalibration _calibration;
    private readonly double[] _nearest;
    private long _count;

    public KnnConformal(int dimension, int references, int neighbours, int calibration, double decades, int block = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(references, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbours, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(block, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(calibration, MinimumCalibration * block);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(decades);
        _dimension = dimension;
        _references = references;
        _decades = decades;
        _history = new double[(2 * dimension) + references];
        _calibration = new BlockMaximaCalibration(calibration / block, block, MinimumCalibration);
        _nearest = new double[neighbours];
    }

    /// <summary>Learns a finite value and returns the window's score in [0,1] (0 until enough history).</summary>
    public double Update(double value)
    {
        var length = _history.Length;
        _history[_count % length] = value;
        _count++;
        var neighbours = _nearest.Length;
        if (_count < (2 * _dimension) + neighbours + 5)
        {
            return 0;
        }

        // Conformal p-value: the share of recent strangeness values (or block maxima) at least as large.
        var p = _calibration.Rank(Strangeness(length, neighbours));
        return Math.Clamp(-Math.Log10(p) / _decades, 0, 1);
    }

    /// <summary>The summed distance of the newest window to its nearest non-overlapping reference windows.</summary>
    private double Strangeness(int length, int neighbours)
    {
        Array.Fill(_nearest, double.PositiveInfinity);
        var newest = _count - 1;
        var available = Math.Min(_references, _count - (2 * _dimension) + 1);
        for (var j = 0; j < available; j++)
        {
            var end = newest - _dimension - j; // ends before the newest window starts: no overlap
            var worst = _nearest[neighbours - 1];
            double squared = 0;
            for (var t = 0; t < _dimension && squared < worst; t++)
            {
                var d = _history[(newest - t) % length] - _history[(end - t) % length];
                squared += d * d;
            }

            if (squared < worst)
            {
                var slot = neighbours - 1;
                while (slot > 0 && _nearest[slot - 1] > squared)
                {
                    _nearest[slot] = _nearest[slot - 1];
                    slot--;
                }

                _nearest[slot] = squared;
            }
        }

        double sum = 0;
        foreach (var squared in _nearest)
        {
            sum += Math.Sqrt(squared);
        }

        return sum;
    }
}
