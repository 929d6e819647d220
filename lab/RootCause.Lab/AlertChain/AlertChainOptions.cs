namespace RootCause.Lab.AlertChain;

/// <summary>Where the lab's Prometheus and Alertmanager run and what they watch; every value has a default but RootCause's address.</summary>
public sealed record AlertChainOptions
{
    /// <summary>The port of the lab's Prometheus on 127.0.0.1 (not 9090, so a Prometheus of the machine's own is left alone).</summary>
    public const int DefaultPrometheusPort = 19090;

    /// <summary>The port of the lab's Alertmanager on 127.0.0.1 (not 9093, for the same reason).</summary>
    public const int DefaultAlertmanagerPort = 19093;

    /// <summary>RootCause's base address: Prometheus scrapes its /metrics, Alertmanager posts to its webhook.</summary>
    public required Uri RootCause { get; init; }

    /// <summary>The folder for the generated configs, the data folders, the logs and the pid files; created if missing.</summary>
    public required string WorkDirectory { get; init; }

    public int PrometheusPort { get; init; } = DefaultPrometheusPort;

    public int AlertmanagerPort { get; init; } = DefaultAlertmanagerPort;

    /// <summary>How often Prometheus scrapes RootCause's /metrics.</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often Prometheus evaluates the rules.</summary>
    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Alertmanager's wait before the first notification of a new group, for more alerts of it to arrive.</summary>
    public TimeSpan GroupWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Alertmanager's wait before notifying changes of a group already notified.</summary>
    public TimeSpan GroupInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Alertmanager re-sends a group that is still firing after this long; RootCause starts an analysis per
    /// notification, so it is longer than any lab run.
    /// </summary>
    public TimeSpan RepeatInterval { get; init; } = TimeSpan.FromHours(24);

    public AlertRuleSettings Rules { get; init; } = new();

    /// <summary>How long each server may take to answer its readiness check (Prometheus opens its TSDB first).</summary>
    public TimeSpan ReadinessTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a server has to exit after SIGTERM before it gets SIGKILL.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public string PrometheusProgram { get; init; } = "prometheus";

    public string AlertmanagerProgram { get; init; } = "prometheus-alertmanager";

    public string PromtoolProgram { get; init; } = "promtool";
}
