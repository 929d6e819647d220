namespace RootCause.Contracts;

/// <summary>Which dimension-value combinations explain the alerted KPI's deviation.</summary>
/// <param name="Kpi">The drilled KPI.</param>
/// <param name="Findings">Combinations, most explanatory first; empty when nothing stands out.</param>
/// <param name="Explanation">The result in plain words.</param>
public sealed record DrillDownResult(string Kpi, IReadOnlyList<DrillDownFinding> Findings, string Explanation);
