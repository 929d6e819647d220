using System.Text.Json.Serialization;

namespace RootCause.Lab.Runs;

/// <summary>The outcome of a whole lab run: every scenario and the scores over them.</summary>
/// <param name="Ac1">Share of scenarios whose expected entity was ranked first.</param>
/// <param name="Ac3">Share ranked within the first three.</param>
/// <param name="ClassAccuracy">Share whose expected entity was ranked with the expected fault class.</param>
public sealed record LabRunResult(
    [property: JsonPropertyName("scenarios")] IReadOnlyList<ScenarioResult> Scenarios,
    [property: JsonPropertyName("ac1")] double Ac1,
    [property: JsonPropertyName("ac3")] double Ac3,
    [property: JsonPropertyName("classAccuracy")] double ClassAccuracy)
{
    public static LabRunResult Score(IReadOnlyList<ScenarioResult> scenarios)
    {
        double Share(Func<ScenarioResult, bool> hit) => scenarios.Count == 0 ? 0 : (double)scenarios.Count(hit) / scenarios.Count;
        return new LabRunResult(
            scenarios,
            Share(s => s.Rank == 1),
            Share(s => s.Rank is >= 1 and <= 3),
            Share(s => s.ClassRight));
    }
}
