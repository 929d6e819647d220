using RootCause.Contracts;

namespace RootCause.Simulation;

/// <summary>
/// A latency distribution: a log-normal body of a given mean, plus a few disjoint "slow paths" (with
/// probability w the request takes d seconds longer: a retransmission, a slow replica, a retry). Sums of
/// calls add means and pool slow paths, which is how tail latency travels up a call graph.
/// </summary>
internal sealed class LatencyMixture
{
    private const int MaxComponents = 4;
    private readonly double[] _weights = new double[MaxComponents + 1];
    private readonly double[] _delays = new double[MaxComponents + 1];
    private double[]? _buckets;

    public LatencyMixture(double mean, double sigma)
    {
        Mean = mean;
        Sigma = sigma;
    }

    /// <summary>Mean of the body, seconds.</summary>
    public double Mean { get; set; }

    public double Sigma { get; }

    /// <summary>Share of requests that fail.</summary>
    public double ErrorRate { get; set; }

    public int Count { get; private set; }

    public double WeightAt(int i) => _weights[i];

    public double DelayAt(int i) => _delays[i];

    public double TotalWeight
    {
        get
        {
            var w = 0.0;
            for (var i = 0; i < Count; i++)
            {
                w += _weights[i];
            }

            return w;
        }
    }

    /// <summary>Overall mean, slow paths included.</summary>
    public double TotalMean
    {
        get
        {
            var m = Mean;
            for (var i = 0; i < Count; i++)
            {
                m += _weights[i] * _delays[i];
            }

            return m;
        }
    }

    /// <summary>Adds a slow path; merges the two closest when there are too many, keeps weights summing below 1.</summary>
    public void AddSlowPath(double weight, double delay)
    {
        if (weight < 1e-6 || delay < 1e-5)
        {
            return;
        }

        _buckets = null;
        for (var i = 0; i < Count; i++)
        {
            if (Math.Abs(_delays[i] - delay) <= 0.05 * Math.Max(delay, _delays[i]))
            {
                Merge(i, weight, delay);
                Normalise();
                return;
            }
        }

        _weights[Count] = weight;
        _delays[Count] = delay;
        Count++;
        if (Count > MaxComponents)
        {
            var best = (A: 0, B: 1, Gap: double.MaxValue);
            for (var a = 0; a < Count; a++)
            {
                for (var b = a + 1; b < Count; b++)
                {
                    var gap = Math.Abs(Math.Log(_delays[a] / _delays[b]));
                    if (gap < best.Gap)
                    {
                        best = (a, b, gap);
                    }
                }
            }

            Merge(best.A, _weights[best.B], _delays[best.B]);
            Count--;
            _weights[best.B] = _weights[Count];
            _delays[best.B] = _delays[Count];
        }

        Normalise();
    }

    /// <summary>Probability of each <see cref="LatencyBuckets"/> bucket; computed once.</summary>
    public double[] BucketProbabilities()
    {
        if (_buckets is not null)
        {
            return _buckets;
        }

        var bounds = LatencyBuckets.UpperBounds;
        var p = new double[bounds.Count];
        var previous = 0.0;
        for (var b = 0; b < bounds.Count; b++)
        {
            var cdf = double.IsPositiveInfinity(bounds[b]) ? 1.0 : Cdf(bounds[b]);
            p[b] = Math.Max(0, cdf - previous);
            previous = Math.Max(previous, cdf);
        }

        return _buckets = p;
    }

    public double Cdf(double x)
    {
        var body = 1.0 - TotalWeight;
        var f = body * BodyCdf(x);
        for (var i = 0; i < Count; i++)
        {
            f += _weights[i] * BodyCdf(x - _delays[i]);
        }

        return f;
    }

    private double BodyCdf(double x)
    {
        if (x <= 0 || Mean <= 0)
        {
            return x <= 0 ? 0 : 1;
        }

        var mu = Math.Log(Mean) - (Sigma * Sigma / 2);
        return StandardNormalCdf((Math.Log(x) - mu) / Sigma);
    }

    /// <summary>Φ(z) with the Zelen–Severo polynomial (error below 1e-7): histograms need no more, and it is hot.</summary>
    internal static double StandardNormalCdf(double z)
    {
        if (z < -8)
        {
            return 0;
        }

        if (z > 8)
        {
            return 1;
        }

        var t = 1 / (1 + (0.2316419 * Math.Abs(z)));
        var poly = t * (0.319381530 + (t * (-0.356563782 + (t * (1.781477937 + (t * (-1.821255978 + (t * 1.330274429))))))));
        var tail = Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI) * poly;
        return z >= 0 ? 1 - tail : tail;
    }

    private void Merge(int i, double weight, double delay)
    {
        var w = _weights[i] + weight;
        _delays[i] = ((_weights[i] * _delays[i]) + (weight * delay)) / w;
        _weights[i] = w;
    }

    private void Normalise()
    {
        var total = TotalWeight;
        if (total > 0.999)
        {
            for (var i = 0; i < Count; i++)
            {
                _weights[i] *= 0.999 / total;
            }
        }
    }
}
