using RootCause.Lab.AlertChain;

namespace RootCause.Lab.Tests.AlertChain;

public sealed class ChainConfigFilesTests
{
    private static readonly AlertChainOptions Options = new() { RootCause = new Uri("http://127.0.0.1:18080/"), WorkDirectory = "/tmp/unused", AlertmanagerPort = 29093 };

    [AlertChainFact]
    public async Task The_Prometheus_config_passes_promtool_check_config_with_its_rule_file()
    {
        AlertChainPrograms.Require();
        var (passed, output) = await PromtoolRun.RunAsync(
            "promtool",
            ["check", "config", "{dir}/prometheus.yml"],
            new Dictionary<string, string> { ["prometheus.yml"] = ChainConfigFiles.Prometheus(Options), ["rules.yml"] = AlertRules.RuleFile(Options.Rules) });

        Assert.True(passed, output);
        Assert.Contains("SUCCESS: 2 rules found", output, StringComparison.Ordinal);
    }

    [AlertChainFact]
    public async Task The_Alertmanager_config_passes_amtool_check_config()
    {
        AlertChainPrograms.Require();
        var (passed, output) = await PromtoolRun.RunAsync("amtool", ["check-config", "{dir}/alertmanager.yml"], new Dictionary<string, string> { ["alertmanager.yml"] = ChainConfigFiles.Alertmanager(Options) });

        Assert.True(passed, output);
    }

    [Fact]
    public void Prometheus_scrapes_RootCause_every_5_s_keeping_its_instance_label_and_alerts_the_lab_Alertmanager()
    {
        var text = ChainConfigFiles.Prometheus(Options);

        Assert.Contains("  scrape_interval: 5s\n", text, StringComparison.Ordinal);
        Assert.Contains("  evaluation_interval: 5s\n", text, StringComparison.Ordinal);
        Assert.Contains("    honor_labels: true\n", text, StringComparison.Ordinal);
        Assert.Contains("    metrics_path: '/metrics'\n", text, StringComparison.Ordinal);
        Assert.Contains("      - targets: ['127.0.0.1:18080']\n", text, StringComparison.Ordinal);
        Assert.Contains("        - targets: ['127.0.0.1:29093']\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Alertmanager_posts_each_alert_and_service_group_to_the_RootCause_webhook_under_a_path_base()
    {
        var text = ChainConfigFiles.Alertmanager(Options with { RootCause = new Uri("http://127.0.0.1:18080/rootcause") });

        Assert.Contains("      - url: 'http://127.0.0.1:18080/rootcause/api/v1/alerts/alertmanager'\n", text, StringComparison.Ordinal);
        Assert.Contains("  group_by: ['alertname', 'service']\n", text, StringComparison.Ordinal);
        Assert.Contains("  group_wait: 2s\n", text, StringComparison.Ordinal);
        Assert.Contains("  group_interval: 5s\n", text, StringComparison.Ordinal);
        Assert.Contains("  repeat_interval: 86400s\n", text, StringComparison.Ordinal);
    }
}
