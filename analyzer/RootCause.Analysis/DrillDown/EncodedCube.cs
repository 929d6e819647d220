namespace RootCause.Analysis.DrillDown;

/// <summary>
/// A cube in the form the search needs: dimension values as small integers, and per leaf the real numerator,
/// what the forecast predicts for it, and the noise expected around that prediction.
/// </summary>
internal sealed class EncodedCube
{
    private const double MinExpectedForNoiseEstimate = 50;
    private const int MinLeavesForNoiseEstimate = 5;

    private EncodedCube(int leafCount, IReadOnlyList<string> dimensions)
    {
        LeafCount = leafCount;
        Dimensions = dimensions;
        Codes = new int[dimensions.Count][];
        Values = new string[dimensions.Count][];
        Real = new double[leafCount];
        Expected = new double[leafCount];
        Variance = new double[leafCount];
        NullMisfit = new double[leafCount];
    }

    public int LeafCount { get; }

    public IReadOnlyList<string> Dimensions { get; }

    /// <summary>Codes[d][leaf]: the code of the leaf's value in dimension d.</summary>
    public int[][] Codes { get; }

    /// <summary>Values[d][code]: the value behind a code.</summary>
    public string[][] Values { get; }

    /// <summary>Real numerator of each leaf.</summary>
    public double[] Real { get; }

    /// <summary>Numerator the forecast ratio predicts for the leaf's real denominator.</summary>
    public double[] Expected { get; }

    /// <summary>Variance of Real around Expected when nothing is wrong.</summary>
    public double[] Variance { get; }

    /// <summary>(Real - Expected)² / Variance: how badly "nothing is wrong" fits each leaf.</summary>
    public double[] NullMisfit { get; }

    /// <summary>Sum of Real - Expected over the cube.</summary>
    public double TotalDeviation { get; private set; }

    /// <summary>+1 when the cube is above its forecast, -1 when below.</summary>
    public int Direction { get; private set; }

    public static EncodedCube Build(IReadOnlyList<CubeLeaf> leaves, IReadOnlyList<string> dimensions, DrillDownOptions options)
    {
        var cube = new EncodedCube(leaves.Count, dimensions);
        cube.Encode(leaves);
        cube.Model(leaves, options);
        return cube;
    }

    private void Encode(IReadOnlyList<CubeLeaf> leaves)
    {
        for (var d = 0; d < Dimensions.Count; d++)
        {
            var dimension = Dimensions[d];
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var values = new List<string>();
            var codes = new int[LeafCount];
            for (var i = 0; i < LeafCount; i++)
            {
                var value = leaves[i].Dimensions.GetValueOrDefault(dimension) ?? "";
                if (!index.TryGetValue(value, out var code))
                {
                    code = values.Count;
                    index[value] = code;
                    values.Add(value);
                }

                codes[i] = code;
            }

            Codes[d] = codes;
            Values[d] = [.. values];
        }
    }

    /// <summary>
    /// Expected value and noise per leaf. A ratio KPI (errors/requests) is compared through its numerator:
    /// the leaf's real requests times its forecast error rate. The noise has three parts: sampling noise of
    /// the real numerator, the forecast's own sampling noise (it comes from few intervals), and a relative
    /// part estimated from the cube itself, because real traffic fluctuates more than sampling explains and
    /// big leaves would otherwise look anomalous for a 1% wobble.
    /// </summary>
    private void Model(IReadOnlyList<CubeLeaf> leaves, DrillDownOptions options)
    {
        double forecastNum = 0, forecastDen = 0, realNum = 0, realDen = 0;
        var isRatio = false;
        var isProportion = true;
        var isCount = true;
        foreach (var leaf in leaves)
        {
            forecastNum += leaf.Forecast;
            forecastDen += leaf.ForecastDenominator;
            realNum += leaf.Real;
            realDen += leaf.RealDenominator;
            isRatio |= leaf.RealDenominator != 1 || leaf.ForecastDenominator != 1;
            isProportion &= leaf.Real >= 0 && leaf.Real <= leaf.RealDenominator && leaf.Forecast >= 0 && leaf.Forecast <= leaf.ForecastDenominator;
            isCount &= leaf.Real == Math.Floor(leaf.Real);
        }

        isProportion &= isRatio;
        var overallRatio = forecastDen > 0 ? forecastNum / forecastDen : realDen > 0 ? realNum / realDen : 0;
        var k = options.ForecastPseudoCount;
        var forecastShare = new double[LeafCount];
        for (var i = 0; i < LeafCount; i++)
        {
            var leaf = leaves[i];
            double ratio;
            if (isRatio)
            {
                ratio = (leaf.Forecast + (k * overallRatio)) / (leaf.ForecastDenominator + k);
                forecastShare[i] = 1 / (Math.Max(leaf.ForecastDenominator, 0) + k);
            }
            else
            {
                ratio = leaf.Forecast;
            }

            Real[i] = leaf.Real;
            Expected[i] = ratio * leaf.RealDenominator;

            // Sampling noise: binomial for proportions, Poisson-like otherwise.
            var unit = isProportion ? Math.Min((ratio * (1 - ratio)) + 1e-3, 0.25) : Math.Abs(ratio);
            var denominator = Math.Max(leaf.RealDenominator, 0);
            Variance[i] = (denominator * unit) + (denominator * denominator * unit * forecastShare[i]) + (isCount ? 1 : 0) + 1e-12;
        }

        var relative = RelativeNoise();
        double total = 0;
        for (var i = 0; i < LeafCount; i++)
        {
            Variance[i] += relative * relative * Expected[i] * Expected[i];
            var deviation = Real[i] - Expected[i];
            NullMisfit[i] = deviation * deviation / Variance[i];
            total += deviation;
        }

        TotalDeviation = total;
        Direction = total >= 0 ? 1 : -1;
    }

    /// <summary>
    /// Typical relative deviation of a leaf from its forecast (a robust scale: 1.4826 × median), from the
    /// leaves big enough for sampling noise not to dominate. Most leaves are healthy, so the median is theirs.
    /// </summary>
    private double RelativeNoise()
    {
        var big = new List<double>();
        var any = new List<double>();
        for (var i = 0; i < LeafCount; i++)
        {
            var expected = Math.Abs(Expected[i]);
            if (expected <= 0)
            {
                continue;
            }

            var relative = Math.Abs(Real[i] - Expected[i]) / expected;
            any.Add(relative);
            if (expected >= MinExpectedForNoiseEstimate)
            {
                big.Add(relative);
            }
        }

        var sample = big.Count >= MinLeavesForNoiseEstimate ? big : any;
        if (sample.Count == 0)
        {
            return 0;
        }

        sample.Sort();
        return 1.4826 * sample[sample.Count / 2];
    }
}
