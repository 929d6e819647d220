using System.Text;
using RootCause.Contracts;

namespace RootCause.Lab.AlertChain;

/// <summary>
/// The lab's alerting rules, written from <see cref="AlertRuleSettings"/> as a Prometheus rule file. They read the
/// golden metrics RootCause serves on GET /metrics and label each alert with what RootCause's Alertmanager intake
/// reads: <c>service</c> (the alerted service) and <c>kpi</c> (<c>latency</c> or <c>error_rate</c>).
/// </summary>
public static class AlertRules
{
    /// <summary>The rule group in the file.</summary>
    public const string GroupName = "rootcause-lab";

    // The names RootCause's GET /metrics gives the golden metrics (OpenTelemetry HTTP conventions as Prometheus spells them).
    private const string DurationSum = "http_server_request_duration_seconds_sum";
    private const string DurationCount = "http_server_request_duration_seconds_count";
    private const string DurationBucket = "http_server_request_duration_seconds_bucket";
    private const string Errors = "http_server_request_errors_total";

    /// <summary>
    /// Mean latency over the recent window, above the floor and above <see cref="AlertRuleSettings.LatencyRatio"/>
    /// times the mean over the baseline window before it (its value: the recent mean in seconds); or the tail — the
    /// <see cref="AlertRuleSettings.TailQuantile"/> — above its floor and the same ratio of its baseline (its value:
    /// that quantile), for faults on a path that carries a small share of the requests (a checkout among browsing).
    /// </summary>
    public static string LatencyExpression(AlertRuleSettings settings)
    {
        Check(settings);
        var recent = MeanLatency(settings.Service, settings.Window, offset: null);
        var baseline = MeanLatency(settings.Service, settings.BaselineWindow, offset: settings.Window);
        var recentTail = TailLatency(settings, settings.Window, offset: null);
        var baselineTail = TailLatency(settings, settings.BaselineWindow, offset: settings.Window);
        var ratio = PromQl.Number(settings.LatencyRatio);
        return $"(({recent} > {PromQl.Number(settings.LatencyFloorSeconds)})\nand\n({recent} > {ratio} * {baseline}))\nor\n" +
            $"(({recentTail} > {PromQl.Number(settings.TailFloorSeconds)})\nand\n({recentTail} > {ratio} * {baselineTail}))";
    }

    /// <summary>
    /// Failing requests over all requests in the recent window, above <see cref="AlertRuleSettings.ErrorRatio"/>,
    /// while the service serves at least <see cref="AlertRuleSettings.MinRequestsPerSecond"/>. Its value is the ratio.
    /// </summary>
    public static string ErrorRatioExpression(AlertRuleSettings settings)
    {
        Check(settings);
        var errors = SumRate(Errors, settings.Service, settings.Window, offset: null);
        var requests = SumRate(DurationCount, settings.Service, settings.Window, offset: null);
        return $"({errors} / {requests} > {PromQl.Number(settings.ErrorRatio)})\nand\n({requests} > {PromQl.Number(settings.MinRequestsPerSecond)})";
    }

    /// <summary>The service's mean latency in seconds over the recent window (the latency rule's value).</summary>
    public static string RecentMeanLatency(AlertRuleSettings settings)
    {
        Check(settings);
        return MeanLatency(settings.Service, settings.Window, offset: null);
    }

    /// <summary>The service's mean latency in seconds over the baseline window before the recent one.</summary>
    public static string BaselineMeanLatency(AlertRuleSettings settings)
    {
        Check(settings);
        return MeanLatency(settings.Service, settings.BaselineWindow, offset: settings.Window);
    }

    /// <summary>The service's share of failing requests over the recent window (the error rule's value).</summary>
    public static string RecentErrorRatio(AlertRuleSettings settings)
    {
        Check(settings);
        return $"({SumRate(Errors, settings.Service, settings.Window, offset: null)} / {SumRate(DurationCount, settings.Service, settings.Window, offset: null)})";
    }

    /// <summary>The rule file (YAML) with both alerts.</summary>
    public static string RuleFile(AlertRuleSettings settings)
    {
        Check(settings);
        var text = new StringBuilder();
        text.Append("# Written by RootCause's lab (RootCause.Lab.AlertChain.AlertRules); changes are overwritten.\n");
        text.Append("groups:\n");
        text.Append("  - name: ").Append(GroupName).Append('\n');
        text.Append("    rules:\n");
        Rule(
            text,
            AlertNames.Latency,
            LatencyExpression(settings),
            settings,
            Kpis.Latency,
            "{{ $labels.service }}: latency {{ $value | humanizeDuration }} over the last " + PromQl.Duration(settings.Window),
            $"Its mean above {PromQl.Number(settings.LatencyRatio)} times its mean of the {PromQl.Duration(settings.BaselineWindow)} before and above {PromQl.Number(settings.LatencyFloorSeconds)} s, " +
            $"or its {PromQl.Number(settings.TailQuantile * 100)}th percentile above {PromQl.Number(settings.LatencyRatio)} times its own before and above {PromQl.Number(settings.TailFloorSeconds)} s.");
        Rule(
            text,
            AlertNames.ErrorRatio,
            ErrorRatioExpression(settings),
            settings,
            Kpis.ErrorRate,
            "{{ $labels.service }}: {{ $value | humanizePercentage }} of requests failing over the last " + PromQl.Duration(settings.Window),
            $"Above {PromQl.Number(Math.Round(settings.ErrorRatio * 100, 6))} % of at least {PromQl.Number(settings.MinRequestsPerSecond)} requests/s.");
        return text.ToString();
    }

    private static void Rule(StringBuilder text, string alert, string expression, AlertRuleSettings settings, string kpi, string summary, string description)
    {
        text.Append("      - alert: ").Append(alert).Append('\n');
        text.Append("        expr: |-\n");
        foreach (var line in expression.Split('\n'))
        {
            text.Append("          ").Append(line).Append('\n');
        }

        text.Append("        for: ").Append(settings.HoldFor > TimeSpan.Zero ? PromQl.Duration(settings.HoldFor) : "0s").Append('\n');
        text.Append("        labels:\n");
        text.Append("          ").Append(AlertNames.KpiLabel).Append(": ").Append(PromQl.YamlString(kpi)).Append('\n');
        text.Append("          severity: 'page'\n");
        text.Append("        annotations:\n");
        text.Append("          summary: ").Append(PromQl.YamlString(summary)).Append('\n');
        text.Append("          description: ").Append(PromQl.YamlString(description)).Append('\n');
    }

    private static string TailLatency(AlertRuleSettings settings, TimeSpan window, TimeSpan? offset) =>
        $"histogram_quantile({PromQl.Number(settings.TailQuantile)}, sum by ({AlertNames.ServiceLabel}, le) (rate({DurationBucket}{{{AlertNames.ServiceLabel}={PromQl.String(settings.Service)}}}[{PromQl.Duration(window)}]{(offset is { } o ? " offset " + PromQl.Duration(o) : string.Empty)})))";

    private static string MeanLatency(string service, TimeSpan window, TimeSpan? offset) =>
        $"({SumRate(DurationSum, service, window, offset)} / {SumRate(DurationCount, service, window, offset)})";

    // Summed over instances, routes and callers, kept by service: the alert carries the service label and nothing
    // else of the series (no scrape instance or job).
    private static string SumRate(string metric, string service, TimeSpan window, TimeSpan? offset) =>
        $"sum by ({AlertNames.ServiceLabel}) (rate({metric}{{{AlertNames.ServiceLabel}={PromQl.String(service)}}}[{PromQl.Duration(window)}]{(offset is { } o ? " offset " + PromQl.Duration(o) : string.Empty)}))";

    private static void Check(AlertRuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Service);
        if (settings.Service.Any(char.IsControl))
        {
            throw new ArgumentException("The alerted service must not contain control characters.", nameof(settings));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Window, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.BaselineWindow, settings.Window);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.LatencyRatio, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.LatencyFloorSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.TailFloorSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.TailQuantile);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(settings.TailQuantile, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.ErrorRatio);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(settings.ErrorRatio, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.MinRequestsPerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.HoldFor, TimeSpan.Zero);
    }
}
