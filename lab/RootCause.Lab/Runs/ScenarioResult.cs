using System.Text.Json.Serialization;

namespace RootCause.Lab.Runs;

/// <summary>One injected fault and what RootCause said about it; the row of `rootcause lab run --json`.</summary>
/// <param name="Fault">The lab's fault name, e.g. "packet_loss".</param>
/// <param name="Target">Where it was injected: a service, or a link "source -> destination".</param>
/// <param name="ExpectedEntity">What the report should blame, as the report names entities' kinds: "service payment", "link checkout -> payment".</param>
/// <param name="Rank">Rank of the first cause that names the expected entity; null when none does or no report came.</param>
/// <param name="FaultClass">The fault class of that cause, else of the first cause; null without a report.</param>
/// <param name="ExpectedClass">The fault class the injected fault should be classified as.</param>
/// <param name="SecondsFaultToAlert">From injection to the alert Prometheus raised; null when none fired in time.</param>
/// <param name="SecondsAlertToReport">From the alert to the published report; null when none came in time.</param>
/// <param name="ReportUrl">The report's page; null without a report.</param>
/// <param name="Error">Why the scenario has no answer (no alert, no report, the fault would not apply); null when it has one.</param>
public sealed record ScenarioResult(
    [property: JsonPropertyName("fault")] string Fault,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("expectedEntity")] string ExpectedEntity,
    [property: JsonPropertyName("rank")] int? Rank,
    [property: JsonPropertyName("faultClass")] string? FaultClass,
    [property: JsonPropertyName("expectedClass")] string ExpectedClass,
    [property: JsonPropertyName("secondsFaultToAlert")] double? SecondsFaultToAlert,
    [property: JsonPropertyName("secondsAlertToReport")] double? SecondsAlertToReport,
    [property: JsonPropertyName("reportUrl")] string? ReportUrl,
    [property: JsonPropertyName("error")] string? Error = null)
{
    /// <summary>The expected entity is among the causes and classified as the injected fault: a right class on the wrong entity does not count.</summary>
    [JsonIgnore]
    public bool ClassRight => Rank is not null && string.Equals(FaultClass, ExpectedClass, StringComparison.Ordinal);
}
