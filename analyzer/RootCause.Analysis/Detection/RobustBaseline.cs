using RootCause.Contracts;

namespace RootCause.Analysis.Detection;

/// <summary>A baseline's robust level (median) and spread (MAD-based sigma, never below the metric's noise floor).</summary>
internal sealed record RobustBaseline(double Median, double Sigma)
{
    /// <summary>How many spreads <paramref name="value"/> lies beyond the level in <paramref name="direction"/> (negative on the other side).</summary>
    public double Signed(double value, Direction direction) =>
        (direction == Direction.Up ? value - Median : Median - value) / Sigma;

    /// <summary>Whether any finite value of [<paramref name="from"/>, <paramref name="to"/>) lies at least <paramref name="threshold"/> spreads away.</summary>
    public bool AnyBeyond(double[] values, int from, int to, double threshold)
    {
        for (var i = from; i < Math.Min(to, values.Length); i++)
        {
            if (double.IsFinite(values[i]) && Math.Abs(values[i] - Median) >= threshold * Sigma)
            {
                return true;
            }
        }

        return false;
    }
}
