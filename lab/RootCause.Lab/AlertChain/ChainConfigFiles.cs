using System.Text;

namespace RootCause.Lab.AlertChain;

/// <summary>The Prometheus and Alertmanager configuration files of the lab's alert chain.</summary>
internal static class ChainConfigFiles
{
    public const string WebhookPath = "api/v1/alerts/alertmanager";
    public const string MetricsPath = "metrics";
    public const string RuleFileName = "rules.yml";

    /// <summary>
    /// Scrapes RootCause alone, honouring its labels: its series carry their own <c>instance</c> (the service's
    /// instance), which Prometheus would otherwise rename to <c>exported_instance</c> in favour of the scrape address.
    /// </summary>
    public static string Prometheus(AlertChainOptions options)
    {
        // A scrape must end before the next is due; Prometheus refuses a timeout longer than the interval.
        var scrapeTimeout = TimeSpan.FromTicks(options.ScrapeInterval.Ticks * 4 / 5);
        var metrics = new Uri(BaseWithSlash(options.RootCause), MetricsPath);
        var text = new StringBuilder();
        text.Append("# Written by RootCause's lab (RootCause.Lab.AlertChain); changes are overwritten.\n");
        text.Append("global:\n");
        text.Append("  scrape_interval: ").Append(PromQl.Duration(options.ScrapeInterval)).Append('\n');
        text.Append("  scrape_timeout: ").Append(PromQl.Duration(scrapeTimeout)).Append('\n');
        text.Append("  evaluation_interval: ").Append(PromQl.Duration(options.EvaluationInterval)).Append('\n');
        text.Append("rule_files:\n");
        text.Append("  - ").Append(PromQl.YamlString(RuleFileName)).Append('\n');
        text.Append("alerting:\n");
        text.Append("  alertmanagers:\n");
        text.Append("    - static_configs:\n");
        text.Append("        - targets: [").Append(PromQl.YamlString($"127.0.0.1:{options.AlertmanagerPort}")).Append("]\n");
        text.Append("scrape_configs:\n");
        text.Append("  - job_name: 'rootcause'\n");
        text.Append("    honor_labels: true\n");
        text.Append("    scheme: ").Append(PromQl.YamlString(metrics.Scheme)).Append('\n');
        text.Append("    metrics_path: ").Append(PromQl.YamlString(metrics.AbsolutePath)).Append('\n');
        text.Append("    static_configs:\n");
        text.Append("      - targets: [").Append(PromQl.YamlString(metrics.Authority)).Append("]\n");
        return text.ToString();
    }

    /// <summary>
    /// Every alert to RootCause's Alertmanager webhook, grouped by alert and service so that each group is one
    /// symptom (RootCause reads the group's common labels).
    /// </summary>
    public static string Alertmanager(AlertChainOptions options)
    {
        var webhook = new Uri(BaseWithSlash(options.RootCause), WebhookPath);
        var text = new StringBuilder();
        text.Append("# Written by RootCause's lab (RootCause.Lab.AlertChain); changes are overwritten.\n");
        text.Append("route:\n");
        text.Append("  receiver: 'rootcause'\n");
        text.Append("  group_by: ['alertname', ").Append(PromQl.YamlString(AlertNames.ServiceLabel)).Append("]\n");
        text.Append("  group_wait: ").Append(PromQl.Duration(options.GroupWait)).Append('\n');
        text.Append("  group_interval: ").Append(PromQl.Duration(options.GroupInterval)).Append('\n');
        text.Append("  repeat_interval: ").Append(PromQl.Duration(options.RepeatInterval)).Append('\n');
        text.Append("receivers:\n");
        text.Append("  - name: 'rootcause'\n");
        text.Append("    webhook_configs:\n");
        text.Append("      - url: ").Append(PromQl.YamlString(webhook.AbsoluteUri)).Append('\n');

        // A resolved group asks RootCause for nothing.
        text.Append("        send_resolved: false\n");
        return text.ToString();
    }

    private static Uri BaseWithSlash(Uri root) =>
        root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
}
