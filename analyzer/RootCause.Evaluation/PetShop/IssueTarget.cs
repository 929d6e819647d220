namespace RootCause.Evaluation.PetShop;

/// <summary>
/// target.json: the alerted component and metric at a time, and the ground truth.
/// </summary>
/// <param name="Node">The alerted component (always PetSite in this dataset).</param>
/// <param name="Metric">"latency" or "availability".</param>
/// <param name="Statistic">The statistic the alert is on ("Average").</param>
/// <param name="Timestamp">Unix seconds of the alert.</param>
/// <param name="RootCauseNode">The component where the issue was injected.</param>
public sealed record IssueTarget(string Node, string Metric, string Statistic, long Timestamp, string RootCauseNode);
