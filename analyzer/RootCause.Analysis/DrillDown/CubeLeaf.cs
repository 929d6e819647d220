namespace RootCause.Analysis.DrillDown;

/// <summary>
/// One leaf of a KPI cube: its dimension values and the KPI's numerator and denominator, real and forecast.
/// For an additive KPI the denominators are 1.
/// </summary>
public sealed record CubeLeaf(IReadOnlyDictionary<string, string> Dimensions, double Real, double Forecast, double RealDenominator = 1, double ForecastDenominator = 1);
