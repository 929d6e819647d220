using System.Numerics;

namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// Spectral residual saliency (Ren et al., "Time-Series Anomaly Detection Service at Microsoft", KDD 2019) of
/// the newest point over a sliding window: the log amplitude spectrum minus its local average keeps what is
/// not expected from the series' own spectrum; transformed back, it peaks where the series does something new.
/// The window is extended by a few extrapolated points so that the newest point is not at the FFT's edge.
/// </summary>
internal sealed class SpectralResidual
{
    private const int AverageWidth = 3;
    private readonly RingBuffer _history;
    private readonly int _extension;
    private readonly InPlaceFourier _fourier;
    private readonly Complex[] _spectrum;
    private readonly double[] _logAmplitude;
    private readonly double[] _window;

    public SpectralResidual(int fftLength, int extension)
    {
        _extension = extension;
        _history = new RingBuffer(fftLength - extension);
        _fourier = new InPlaceFourier(fftLength);
        _spectrum = new Complex[fftLength];
        _logAmplitude = new double[fftLength];
        _window = new double[fftLength];
    }

    /// <summary>Adds the newest value and returns its saliency relative to the window's mean saliency (0 while the window fills).</summary>
    public double Update(double value)
    {
        _history.Add(value);
        var n = _history.Count;
        if (n < _history.Capacity)
        {
            return 0;
        }

        _history.CopyTo(_window);
        Extend(n);

        // Centre the window: the mean carries no anomaly and would dominate the zero frequency.
        var mean = 0.0;
        for (var i = 0; i < _window.Length; i++)
        {
            mean += _window[i];
        }

        mean /= _window.Length;
        for (var i = 0; i < _window.Length; i++)
        {
            _spectrum[i] = new Complex(_window[i] - mean, 0);
        }

        _fourier.Forward(_spectrum);
        for (var i = 0; i < _spectrum.Length; i++)
        {
            _logAmplitude[i] = Math.Log(_spectrum[i].Magnitude + 1e-8);
        }

        for (var i = 0; i < _spectrum.Length; i++)
        {
            var sum = 0.0;
            var count = 0;
            for (var j = i - (AverageWidth / 2); j <= i + (AverageWidth / 2); j++)
            {
                if (j >= 0 && j < _spectrum.Length)
                {
                    sum += _logAmplitude[j];
                    count++;
                }
            }

            var magnitude = _spectrum[i].Magnitude;
            var residual = Math.Exp(_logAmplitude[i] - (sum / count));
            _spectrum[i] = magnitude > 1e-12 ? _spectrum[i] * (residual / magnitude) : Complex.Zero;
        }

        _fourier.Inverse(_spectrum);
        var saliencyMean = 0.0;
        for (var i = 0; i < n; i++)
        {
            saliencyMean += _spectrum[i].Magnitude;
        }

        saliencyMean /= n;
        var current = _spectrum[n - 1].Magnitude;
        return saliencyMean > 1e-12 ? Math.Max(0, (current - saliencyMean) / saliencyMean) : 0;
    }

    /// <summary>SR-CNN's extension: repeat an estimate of the next value from the mean slope over the last points.</summary>
    private void Extend(int n)
    {
        var last = _window[n - 1];
        var slope = 0.0;
        for (var i = 1; i <= _extension; i++)
        {
            slope += (last - _window[n - 1 - i]) / i;
        }

        slope /= _extension;
        var next = _window[n - _extension] + (slope * _extension);
        for (var i = n; i < _window.Length; i++)
        {
            _window[i] = next;
        }
    }
}
