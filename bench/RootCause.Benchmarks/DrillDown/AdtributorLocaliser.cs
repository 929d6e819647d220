using RootCause.Analysis.DrillDown;
using RootCause.Evaluation.RiskLoc;

namespace RootCause.Benchmarks.DrillDown;

/// <summary>
/// Adtributor (Bhagwan et al., NSDI 2014) with its derived-measure extension: per dimension, elements are
/// taken in order of surprise (Jensen-Shannon divergence of their forecast and real shares, numerator plus
/// denominator) while their explanatory power exceeds T_EEP, until the set explains T_EP of the change; the
/// k dimensions whose sets surprise most are reported, each element as a one-dimension root cause.
/// Written from the paper for the side-by-side run; defaults are the paper's (T_EEP 0.1, T_EP 0.67, k 3).
/// </summary>
public sealed class AdtributorLocaliser(double elementExplanatoryPower = 0.1, double setExplanatoryPower = 0.67, int topDimensions = 3) : IRootCauseLocaliser
{
    public string Name => "Adtributor";

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Localise(IReadOnlyList<CubeLeaf> leaves, IReadOnlyList<string> dimensions)
    {
        double fr = 0, ff = 0, gr = 0, gf = 0;
        foreach (var l in leaves)
        {
            fr += l.Real;
            ff += l.Forecast;
            gr += l.RealDenominator;
            gf += l.ForecastDenominator;
        }

        var realRatio = gr != 0 ? fr / gr : 0;
        var forecastRatio = gf != 0 ? ff / gf : 0;
        var change = realRatio - forecastRatio;
        if (change == 0 || gf == 0)
        {
            return [];
        }

        var sets = new List<(double Surprise, string Dimension, List<string> Values)>();
        foreach (var dimension in dimensions)
        {
            var elements = leaves.GroupBy(l => l.Dimensions.GetValueOrDefault(dimension) ?? "", StringComparer.Ordinal)
                .Select(g =>
                {
                    double efr = 0, eff = 0, egr = 0, egf = 0;
                    foreach (var l in g)
                    {
                        efr += l.Real;
                        eff += l.Forecast;
                        egr += l.RealDenominator;
                        egf += l.ForecastDenominator;
                    }

                    // The derived-measure explanatory power: the change of F/G if only this element had moved.
                    var denominator = gf * (gf + egr - egf);
                    var ep = denominator != 0 ? (((efr - eff) * gf) - ((egr - egf) * ff)) / denominator / change : 0;
                    var surprise = JensenShannon(ff != 0 ? eff / ff : 0, fr != 0 ? efr / fr : 0) + JensenShannon(egf / gf, gr != 0 ? egr / gr : 0);
                    return (Value: g.Key, Ep: ep, Surprise: surprise);
                })
                .OrderByDescending(e => e.Surprise)
                .ToList();

            double explained = 0, surpriseSum = 0;
            var chosen = new List<string>();
            foreach (var e in elements)
            {
                if (e.Ep <= elementExplanatoryPower)
                {
                    continue;
                }

                chosen.Add(e.Value);
                explained += e.Ep;
                surpriseSum += e.Surprise;
                if (explained > setExplanatoryPower)
                {
                    sets.Add((surpriseSum, dimension, chosen));
                    break;
                }
            }
        }

        return sets.OrderByDescending(s => s.Surprise)
            .Take(topDimensions)
            .SelectMany(s => s.Values.Select(v => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal) { [s.Dimension] = v }))
            .ToList();
    }

    private static double JensenShannon(double p, double q)
    {
        double Term(double x) => x > 0 ? x * Math.Log(2 * x / (p + q)) : 0;
        return p + q > 0 ? 0.5 * (Term(p) + Term(q)) : 0;
    }
}
