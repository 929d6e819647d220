namespace RootCause.Lab.Runs;

/// <summary>
/// The waits of a lab run. Every wait is bounded: a scenario whose alert or report does not come ends with a
/// clear error after its bound, never a hang. Values chosen on this machine's lab (2 cores, 5 s agent
/// intervals, 5 s scrapes and rule evaluations): faults reached the alert in 15–40 s.
/// </summary>
public sealed record LabRunOptions
{
    /// <summary>The service the alert rules watch (the shop's entry).</summary>
    public string AlertedService { get; init; } = LabLayout.Gateway.Name;

    /// <summary>Healthy traffic before the first fault: the baseline every analysis compares against.</summary>
    public TimeSpan Baseline { get; init; } = TimeSpan.FromSeconds(150);

    /// <summary>How long the agent may take to show the alerted service's first requests.</summary>
    public TimeSpan FirstTrafficTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>From injecting a fault to its alert firing.</summary>
    public TimeSpan AlertTimeout { get; init; } = TimeSpan.FromSeconds(150);

    /// <summary>From the alert firing to its report.</summary>
    public TimeSpan ReportTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>After removing a fault: the longest wait for the alerts to resolve.</summary>
    public TimeSpan RecoveryTimeout { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>Healthy traffic after the alerts resolved, before the next fault.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>How often alerts are polled.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);
}
