using RootCause.Evaluation.Scoring;

namespace RootCause.Evaluation.Nezha;

/// <summary>
/// The Nezha protocol's figures over a set of faults: AC@k, the share of faults whose injected pod's service is
/// among the first k ranked services (k = 1..<see cref="MaxK"/>), and Avg@5, the mean of AC@1..AC@5.
/// </summary>
/// <param name="Faults">How many faults were scored.</param>
/// <param name="Hits">Hits[k − 1]: faults whose truth ranked k or better.</param>
public sealed record AccuracyAtK(int Faults, IReadOnlyList<int> Hits)
{
    public const int MaxK = 5;

    /// <summary>From each fault's 1-based rank of the truth; null (not ranked, or the analysis failed) is a miss at every k.</summary>
    public static AccuracyAtK Of(IEnumerable<int?> ranks)
    {
        var list = ranks.ToList();
        return new AccuracyAtK(list.Count, [.. Enumerable.Range(1, MaxK).Select(k => list.Count(r => r <= k))]);
    }

    /// <summary>AC@k as a fraction.</summary>
    public Ratio At(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, MaxK);
        return new Ratio(Hits[k - 1], Faults);
    }

    public double Ac1 => At(1).Value;

    public double Ac3 => At(3).Value;

    public double Ac5 => At(5).Value;

    /// <summary>Mean of AC@1..AC@5; NaN without faults.</summary>
    public double Avg5 => Faults == 0 ? double.NaN : Enumerable.Range(1, MaxK).Average(k => At(k).Value);
}
