namespace RootCause.Simulation;

/// <summary>Seeded randomness for counts and jitter; draws happen in a fixed order, so a seed fixes every value.</summary>
internal sealed class Noise
{
    private readonly Random _rng;
    private double? _spare;

    public Noise(int seed) => _rng = new Random(seed);

    public double Uniform() => _rng.NextDouble();

    public double Gaussian()
    {
        if (_spare is { } s)
        {
            _spare = null;
            return s;
        }

        // Box–Muller: two uniforms give two independent standard normals.
        var u1 = 1.0 - _rng.NextDouble();
        var u2 = _rng.NextDouble();
        var r = Math.Sqrt(-2.0 * Math.Log(u1));
        _spare = r * Math.Sin(2 * Math.PI * u2);
        return r * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A Poisson-like count with the given mean (normal approximation above 30).</summary>
    public long Count(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean < 30)
        {
            // Knuth's method is exact and cheap for small means.
            var limit = Math.Exp(-mean);
            var product = _rng.NextDouble();
            long k = 0;
            while (product > limit)
            {
                k++;
                product *= _rng.NextDouble();
            }

            return k;
        }

        return Math.Max(0, (long)Math.Round(mean + (Math.Sqrt(mean) * Gaussian())));
    }

    /// <summary>A binomial-like count of successes out of <paramref name="n"/> with probability <paramref name="p"/>.</summary>
    public long Binomial(long n, double p)
    {
        if (n <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        var mean = n * p;
        var k = mean < 30 && p < 0.1 ? Count(mean) : (long)Math.Round(mean + (Math.Sqrt(mean * (1 - p)) * Gaussian()));
        return Math.Clamp(k, 0, n);
    }

    /// <summary>Splits <paramref name="n"/> over buckets with probabilities <paramref name="p"/> (sequential binomials).</summary>
    public long[] Multinomial(long n, double[] p)
    {
        var counts = new long[p.Length];
        var remaining = n;
        var mass = 1.0;
        var last = p.Length - 1;
        while (last > 0 && p[last] < 1e-9)
        {
            last--;
        }

        for (var b = 0; b < last && remaining > 0; b++)
        {
            // Buckets a request lands in less than once in a billion are left empty (and cost no draw).
            if (p[b] < 1e-9)
            {
                mass -= Math.Max(p[b], 0);
                continue;
            }

            var c = mass <= p[b] ? remaining : Binomial(remaining, p[b] / mass);
            counts[b] = c;
            remaining -= c;
            mass -= p[b];
        }

        // Rounding leftovers go to the slowest bucket that can happen, never to an impossible one.
        counts[last] += remaining;
        return counts;
    }
}
