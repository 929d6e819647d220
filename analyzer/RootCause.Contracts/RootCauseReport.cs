namespace RootCause.Contracts;

/// <summary>The result of one analysis: what is wrong, where it comes from, and why we think so.</summary>
/// <param name="Id">Analysis id.</param>
/// <param name="Symptom">The alerted symptom.</param>
/// <param name="Outcome">Whether a root cause was found.</param>
/// <param name="Summary">One paragraph in plain words for the on-call engineer.</param>
/// <param name="RootCauses">Ranked candidates, most likely first.</param>
/// <param name="PropagationPath">Services from the alerted one down to the top root cause.</param>
/// <param name="DrillDown">Which dimension values explain the alerted KPI's deviation.</param>
/// <param name="Window">The analysed time window.</param>
/// <param name="CreatedAt">When the report was produced.</param>
public sealed record RootCauseReport(
    Guid Id,
    Symptom Symptom,
    AnalysisOutcome Outcome,
    string Summary,
    IReadOnlyList<RankedCause> RootCauses,
    IReadOnlyList<string> PropagationPath,
    DrillDownResult DrillDown,
    TimeWindow Window,
    DateTimeOffset CreatedAt);
