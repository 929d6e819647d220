using System.Numerics;

namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// Online estimate of a series' dominant period from its own past: every <c>interval</c> points the sample
/// autocorrelation of the last <c>buffer</c> values is computed with an FFT (Wiener–Khinchin: the inverse
/// transform of the zero-padded power spectrum, <see cref="InPlaceFourier"/>), and the period is the lag of its highest peak between
/// <c>minimumPeriod</c> and <c>maximumPeriod</c> that at least two whole cycles of the buffer support. A peak
/// counts only when it is clear: a local maximum whose autocorrelation reaches <c>minimumCorrelation</c> and rises
/// at least <c>minimumProminence</c> above the lowest autocorrelation at a shorter lag (a trend or a random walk
/// correlates at every lag without a dip and a rise). Otherwise the series has no season (period 0). Of clear
/// peaks within a tenth of the highest the shortest lag wins, so a multiple of the period is not taken for it.
/// Memory is the buffer and the FFT's work arrays, which are allocated at the first estimate: a series shorter
/// than <c>interval</c> points (an analyzer's baseline) never pays for them. A point costs O(1) between estimates.
/// </summary>
internal sealed class SeasonalPeriod
{
    /// <summary>A shorter clear peak reaching this share of the highest one is the period (the highest, its multiple).</summary>
    private const double HarmonicShare = 0.9;

    private readonly RingBuffer _history;
    private readonly int _interval;
    private readonly int _minimumPeriod;
    private readonly int _maximumPeriod;
    private readonly double _minimumCorrelation;
    private readonly double _minimumProminence;
    private readonly int _padded;
    private InPlaceFourier? _fourier;
    private Complex[] _spectrum = [];
    private double[] _correlation = [];
    private double[] _window = [];
    private int[] _peaks = [];
    private long _count;

    /// <param name="buffer">Recent values the autocorrelation is computed over (at least two maximal periods).</param>
    /// <param name="interval">Points between two estimates.</param>
    /// <param name="minimumPeriod">Shortest period looked for.</param>
    /// <param name="maximumPeriod">Longest period looked for.</param>
    /// <param name="minimumCorrelation">Autocorrelation the peak must reach.</param>
    /// <param name="minimumProminence">Rise of the peak above the lowest autocorrelation at a shorter lag.</param>
    public SeasonalPeriod(int buffer, int interval, int minimumPeriod, int maximumPeriod, double minimumCorrelation, double minimumProminence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPeriod, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumPeriod, minimumPeriod);
        ArgumentOutOfRangeException.ThrowIfLessThan(buffer, 2 * maximumPeriod);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, 1);
        _history = new RingBuffer(buffer);
        _interval = interval;
        _minimumPeriod = minimumPeriod;
        _maximumPeriod = maximumPeriod;
        _minimumCorrelation = minimumCorrelation;
        _minimumProminence = minimumProminence;
        _padded = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * buffer));
    }

    /// <summary>The current period estimate in points; 0 while no clear season is seen.</summary>
    public int Period { get; private set; }

    /// <summary>Learns a finite value and returns the period estimate (re-estimated every <c>interval</c> points).</summary>
    public int Update(double value)
    {
        _history.Add(value);
        _count++;
        if (_count % _interval == 0 && _history.Count >= 2 * _minimumPeriod + 1)
        {
            Period = Estimate();
        }

        return Period;
    }

    /// <summary>The lag of the clear autocorrelation peak of the buffered values, or 0.</summary>
    private int Estimate()
    {
        var n = _history.Count;
        Autocorrelation(n);

        // Only lags that at least two whole cycles of the buffer support; the clear peaks, shortest lag first.
        var longest = Math.Min(_maximumPeriod, n / 2);
        var lowest = double.PositiveInfinity;
        var peaks = 0;
        for (var lag = 1; lag < longest; lag++)
        {
            var r = _correlation[lag];
            if (lag >= _minimumPeriod && IsPeak(lag) && r >= _minimumCorrelation && r - lowest >= _minimumProminence)
            {
                _peaks[peaks++] = lag;
            }

            lowest = Math.Min(lowest, r);
        }

        var best = 0.0;
        for (var i = 0; i < peaks; i++)
        {
            best = Math.Max(best, _correlation[_peaks[i]]);
        }

        // Multiples of the period are peaks as well: of near-equal peaks the shortest lag is the period.
        for (var i = 0; i < peaks; i++)
        {
            if (_correlation[_peaks[i]] >= HarmonicShare * best)
            {
                return _peaks[i];
            }
        }

        return 0;
    }

    private bool IsPeak(int lag) => _correlation[lag] >= _correlation[lag - 1] && _correlation[lag] >= _correlation[lag + 1];

    /// <summary>The unbiased sample autocorrelation of the newest <paramref name="n"/> values at lags 0..n-1.</summary>
    private void Autocorrelation(int n)
    {
        if (_fourier is null)
        {
            _fourier = new InPlaceFourier(_padded);
            _spectrum = new Complex[_padded];
            _correlation = new double[_history.Capacity];
            _window = new double[_history.Capacity];
            _peaks = new int[_history.Capacity];
        }

        _history.CopyTo(_window);
        var mean = 0.0;
        for (var i = 0; i < n; i++)
        {
            mean += _window[i];
        }

        mean /= n;
        Array.Clear(_spectrum);
        for (var i = 0; i < n; i++)
        {
            _spectrum[i] = new Complex(_window[i] - mean, 0);
        }

        _fourier.Forward(_spectrum);
        for (var i = 0; i < _spectrum.Length; i++)
        {
            var m = _spectrum[i].Magnitude;
            _spectrum[i] = new Complex(m * m, 0);
        }

        _fourier.Inverse(_spectrum);
        var variance = _spectrum[0].Real / n;
        Array.Clear(_correlation);
        if (variance <= 1e-12 * (1 + (mean * mean)))
        {
            return; // a constant buffer: no season
        }

        for (var lag = 0; lag < n; lag++)
        {
            _correlation[lag] = _spectrum[lag].Real / (n - lag) / variance;
        }
    }
}
