namespace RootCause.Lab.AlertChain;

/// <summary>An alert as Prometheus holds it (GET /api/v1/alerts): pending while its <c>for:</c> runs, then firing.</summary>
/// <param name="Name">The alert name.</param>
/// <param name="Labels">Its labels, the alert name included.</param>
/// <param name="State">"pending" or "firing".</param>
/// <param name="ActiveAt">
/// When its condition first held (the evaluation that made it pending). It fires at the first evaluation at least
/// <see cref="AlertRuleSettings.HoldFor"/> later, and the <c>startsAt</c> Alertmanager and RootCause see is that one.
/// </param>
/// <param name="Value">The value of the rule's expression at the last evaluation (mean latency in seconds, or the error ratio).</param>
public sealed record PrometheusAlert(string Name, IReadOnlyDictionary<string, string> Labels, string State, DateTimeOffset ActiveAt, double Value)
{
    public bool IsFiring => State == "firing";

    public string? Service => Labels.GetValueOrDefault(AlertNames.ServiceLabel);
}
