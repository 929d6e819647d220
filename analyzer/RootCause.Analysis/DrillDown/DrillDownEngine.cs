using RootCause.Contracts;

namespace RootCause.Analysis.DrillDown;

/// <summary>
/// Finds the few dimension-value combinations (each possibly spanning several dimensions) that explain a KPI's
/// deviation from its forecast, for additive KPIs and for ratios of two additive parts (errors/requests,
/// latency sum/count). Empty when nothing stands out. See <see cref="CauseSearch"/> for the method.
/// </summary>
public static class DrillDownEngine
{
    public static IReadOnlyList<DrillDownFinding> Localise(IReadOnlyList<CubeLeaf> leaves, IReadOnlyList<string> dimensions) =>
        Localise(leaves, dimensions, DrillDownOptions.Default);

    public static IReadOnlyList<DrillDownFinding> Localise(IReadOnlyList<CubeLeaf> leaves, IReadOnlyList<string> dimensions, DrillDownOptions options)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(options);
        if (leaves.Count == 0 || dimensions.Count == 0)
        {
            return [];
        }

        var cube = EncodedCube.Build(leaves, dimensions, options);
        if (cube.TotalDeviation == 0)
        {
            return [];
        }

        var causes = new CauseSearch(cube, options).Run();
        return causes.Select(c => Finding(cube, leaves, c)).ToList();
    }

    private static DrillDownFinding Finding(EncodedCube cube, IReadOnlyList<CubeLeaf> leaves, RootCauseCandidate cause)
    {
        double deviation = 0, realNum = 0, realDen = 0, forecastNum = 0, forecastDen = 0;
        for (var i = 0; i < cube.LeafCount; i++)
        {
            if (!cause.Contains(cube, i))
            {
                continue;
            }

            var leaf = leaves[i];
            deviation += cube.Real[i] - cube.Expected[i];
            realNum += leaf.Real;
            realDen += leaf.RealDenominator;
            forecastNum += leaf.Forecast;
            forecastDen += leaf.ForecastDenominator;
        }

        var dims = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var j = 0; j < cause.Codes.Length; j++)
        {
            var d = cause.Cuboid.Dimensions[j];
            dims[cube.Dimensions[d]] = cube.Values[d][cause.Codes[j]];
        }

        return new DrillDownFinding(
            dims,
            Math.Round(Math.Clamp(deviation / cube.TotalDeviation, 0, 1), 3),
            realDen != 0 ? realNum / realDen : 0,
            forecastDen != 0 ? forecastNum / forecastDen : 0);
    }
}
