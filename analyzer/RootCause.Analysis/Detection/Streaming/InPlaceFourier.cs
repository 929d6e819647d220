using System.Numerics;

namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// An iterative radix-2 Cooley–Tukey FFT of one fixed power-of-two length, in place and without allocating
/// per transform (its twiddle factors are computed once): the streaming detector's memory stays constant and
/// its updates allocate nothing, which MathNet's transforms (they allocate, for large lengths in parallel) do
/// not guarantee. Unscaled in both directions, as MathNet's <c>FourierOptions.NoScaling</c>.
/// </summary>
internal sealed class InPlaceFourier
{
    private readonly Complex[] _twiddles;

    public InPlaceFourier(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        if ((length & (length - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "The length must be a power of two.");
        }

        Length = length;
        _twiddles = new Complex[length / 2];
        for (var k = 0; k < _twiddles.Length; k++)
        {
            _twiddles[k] = Complex.FromPolarCoordinates(1, -2 * Math.PI * k / length);
        }
    }

    public int Length { get; }

    /// <summary>The forward transform (exponent -i) of <paramref name="data"/>, in place.</summary>
    public void Forward(Span<Complex> data) => Transform(data, inverse: false);

    /// <summary>The inverse transform (exponent +i) of <paramref name="data"/>, in place and unscaled.</summary>
    public void Inverse(Span<Complex> data) => Transform(data, inverse: true);

    private void Transform(Span<Complex> data, bool inverse)
    {
        var n = Length;
        if (data.Length != n)
        {
            throw new ArgumentException($"Expected {n} values.", nameof(data));
        }

        // Bit-reversal permutation.
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }

        for (var size = 2; size <= n; size <<= 1)
        {
            var half = size / 2;
            var step = n / size;
            for (var start = 0; start < n; start += size)
            {
                for (var k = 0; k < half; k++)
                {
                    var w = _twiddles[k * step];
                    if (inverse)
                    {
                        w = Complex.Conjugate(w);
                    }

                    var odd = w * data[start + k + half];
                    data[start + k + half] = data[start + k] - odd;
                    data[start + k] += odd;
                }
            }
        }
    }
}
