namespace RootCause.Contracts;

/// <summary>One combination of dimension values, e.g. { node: n3, operation: "GET /cart" }.</summary>
/// <param name="Dimensions">Dimension name → value.</param>
/// <param name="Score">How much of the deviation it explains, in [0, 1].</param>
/// <param name="Real">KPI value of the combination in the anomalous interval(s).</param>
/// <param name="Expected">Its expected (baseline) value.</param>
public sealed record DrillDownFinding(IReadOnlyDictionary<string, string> Dimensions, double Score, double Real, double Expected);
