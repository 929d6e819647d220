using RootCause.Analysis.DrillDown;
using RootCause.Evaluation.RiskLoc;

namespace RootCause.Benchmarks.DrillDown;

/// <summary>The floor the datasets README quotes: the single attribute=value whose numerator deviates most from its forecast.</summary>
public sealed class NaiveLocaliser : IRootCauseLocaliser
{
    public string Name => "Naive";

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Localise(IReadOnlyList<CubeLeaf> leaves, IReadOnlyList<string> dimensions)
    {
        (string Dimension, string Value, double Deviation)? best = null;
        foreach (var dimension in dimensions)
        {
            foreach (var g in leaves.GroupBy(l => l.Dimensions.GetValueOrDefault(dimension) ?? "", StringComparer.Ordinal))
            {
                // Expected numerator: the leaf's forecast ratio times its real denominator.
                var deviation = Math.Abs(g.Sum(l => l.Real - (l.ForecastDenominator > 0 ? l.Forecast / l.ForecastDenominator * l.RealDenominator : 0)));
                if (best is null || deviation > best.Value.Deviation)
                {
                    best = (dimension, g.Key, deviation);
                }
            }
        }

        return best is null ? [] : [new Dictionary<string, string>(StringComparer.Ordinal) { [best.Value.Dimension] = best.Value.Value }];
    }
}
