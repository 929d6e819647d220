using RootCause.Lab.AlertChain;

namespace RootCause.Lab.Tests.AlertChain;

/// <summary>
/// The generated rules under Prometheus' own tools: <c>promtool check rules</c>, and <c>promtool test rules</c> with
/// series shaped like RootCause's /metrics (counters stepping every 5 s at 20 requests/s) to pin when each alert fires.
/// </summary>
public sealed class AlertRulesTests
{
    private const string Gateway = "{service=\"gateway\",instance=\"gateway-1\",http_route=\"GET /products\",caller=\"load\"}";
    private const string Catalog = "{service=\"catalog\",instance=\"catalog-1\",http_route=\"GET /items\",caller=\"gateway\"}";

    // 100 requests per 5 s step for ten minutes; a fault starts at the step after 6m (t = 365 s).
    private const string Requests = "0+100x119";
    private const string HealthyThenSlow = "0+1x72 112+40x46";          // mean 10 ms, then 400 ms
    private const string FastThenLessFast = "0+0.2x72 14.9+0.5x46";      // mean 2 ms, then 5 ms: 2.5 times, under the floor
    private const string SlowFromTheStart = "0+40x119";                  // 400 ms from the first sample: no change to alert on
    private const string NoErrorsThenTenPerCent = "0+0x72 10+10x46";

    // A tenth of the requests 250–500 ms slower from t = 365 s: the mean goes from 10 ms to 49 ms (under the floor),
    // the 99th percentile from 50 ms to 475 ms.
    private const string FastBucketsThenATenthSlow = "0+100x72 7290+90x46";
    private const string MeanUnderTheFloor = "0+1x72 76.9+4.9x46";

    private const string Description = "Its mean above 2 times its mean of the 300s before and above 0.05 s, or its 99th percentile above 2 times its own before and above 0.15 s.";

    [AlertChainFact]
    public async Task The_generated_rule_file_passes_promtool_check_rules()
    {
        AlertChainPrograms.Require();
        var folder = Directory.CreateTempSubdirectory("rclab-rules-");
        try
        {
            var ruleFile = Path.Combine(folder.FullName, "rules.yml");
            await File.WriteAllTextAsync(ruleFile, AlertRules.RuleFile(new AlertRuleSettings()));

            var check = await PromtoolCheck.CheckRulesAsync(ruleFile, "promtool", CancellationToken.None);

            Assert.True(check.Passed, check.Output);
            Assert.Contains("SUCCESS: 2 rules found", check.Output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [AlertChainFact]
    public async Task A_latency_jump_fires_within_two_evaluations_labelled_for_RootCause_and_a_change_under_the_floor_or_without_a_baseline_does_not()
    {
        AlertChainPrograms.Require();
        var test = $$"""
            rule_files: ['rules.yml']
            evaluation_interval: 5s
            tests:
              - interval: 5s
                input_series:
                  - series: 'http_server_request_duration_seconds_count{{Gateway}}'
                    values: '{{Requests}}'
                  - series: 'http_server_request_duration_seconds_sum{{Gateway}}'
                    values: '{{HealthyThenSlow}}'
                alert_rule_test:
                  - eval_time: 6m
                    alertname: HttpServerLatencyHigh
                    exp_alerts: []
                  - eval_time: 6m05s
                    alertname: HttpServerLatencyHigh
                    exp_alerts: []
                  - eval_time: 6m10s
                    alertname: HttpServerLatencyHigh
                    exp_alerts:
                      - exp_labels: { service: gateway, kpi: latency, severity: page }
                        exp_annotations:
                          summary: 'gateway: latency 140ms over the last 30s'
                          description: '{{Description}}'
                  - eval_time: 6m40s
                    alertname: HttpServerLatencyHigh
                    exp_alerts:
                      - exp_labels: { service: gateway, kpi: latency, severity: page }
                        exp_annotations:
                          summary: 'gateway: latency 400ms over the last 30s'
                          description: '{{Description}}'
                  - eval_time: 6m40s
                    alertname: HttpServerErrorRatioHigh
                    exp_alerts: []
              - interval: 5s
                input_series:
                  - series: 'http_server_request_duration_seconds_count{{Gateway}}'
                    values: '{{Requests}}'
                  - series: 'http_server_request_duration_seconds_sum{{Gateway}}'
                    values: '{{FastThenLessFast}}'
                  - series: 'http_server_request_duration_seconds_count{{Catalog}}'
                    values: '{{Requests}}'
                  - series: 'http_server_request_duration_seconds_sum{{Catalog}}'
                    values: '{{HealthyThenSlow}}'
                alert_rule_test:
                  - eval_time: 6m40s
                    alertname: HttpServerLatencyHigh
                    exp_alerts: []
                  - eval_time: 9m
                    alertname: HttpServerLatencyHigh
                    exp_alerts: []
              - interval: 5s
                input_series:
                  - series: 'http_server_request_duration_seconds_count{{Gateway}}'
                    values: '{{Requests}}'
                  - series: 'http_server_request_duration_seconds_sum{{Gateway}}'
                    values: '{{SlowFromTheStart}}'
                alert_rule_test:
                  - eval_time: 30s
                    alertname: HttpServerLatencyHigh
                    exp_alerts: []
                  - eval_time: 1m
                    alertname: HttpServerLatencyHigh
                    exp_alerts: []
                  - eval_time: 6m
                    alertname: HttpServerLatencyHigh
                    exp_alerts: []
            """;

        var (passed, output) = await RunRuleTestAsync(test);

        Assert.True(passed, output);
    }

    [AlertChainFact]
    public async Task A_slow_tenth_of_the_requests_fires_the_latency_alert_through_the_tail_though_the_mean_stays_under_its_floor()
    {
        AlertChainPrograms.Require();
        string Bucket(string le) => Gateway.Replace("}", $",le=\"{le}\"}}", StringComparison.Ordinal);
        var test = $$"""
            rule_files: ['rules.yml']
            evaluation_interval: 5s
            tests:
              - interval: 5s
                input_series:
                  - series: 'http_server_request_duration_seconds_count{{Gateway}}'
                    values: '{{Requests}}'
                  - series: 'http_server_request_duration_seconds_sum{{Gateway}}'
                    values: '{{MeanUnderTheFloor}}'
                  - series: 'http_server_request_duration_seconds_bucket{{Bucket("0.05")}}'
                    values: '{{FastBucketsThenATenthSlow}}'
                  - series: 'http_server_request_duration_seconds_bucket{{Bucket("0.25")}}'
                    values: '{{FastBucketsThenATenthSlow}}'
                  - series: 'http_server_request_duration_seconds_bucket{{Bucket("0.5")}}'
                    values: '{{Requests}}'
                  - series: 'http_server_request_duration_seconds_bucket{{Bucket("+Inf")}}'
                    values: '{{Requests}}'
                alert_rule_test:
                  - eval_time: 6m
                    alertname: HttpServerLatencyHigh
                    exp_alerts: []
                  - eval_time: 6m40s
                    alertname: HttpServerLatencyHigh
                    exp_alerts:
                      - exp_labels: { service: gateway, kpi: latency, severity: page }
                        exp_annotations:
                          summary: 'gateway: latency 475ms over the last 30s'
                          description: '{{Description}}'
            """;

        var (passed, output) = await RunRuleTestAsync(test);

        Assert.True(passed, output);
    }

    [AlertChainFact]
    public async Task Ten_per_cent_errors_fire_the_error_ratio_alert_and_three_per_cent_or_half_of_a_trickle_do_not()
    {
        AlertChainPrograms.Require();
        var test = $$"""
            rule_files: ['rules.yml']
            evaluation_interval: 5s
            tests:
              - interval: 5s
                input_series:
                  - series: 'http_server_request_duration_seconds_count{{Gateway}}'
                    values: '{{Requests}}'
                  - series: 'http_server_request_errors_total{{Gateway}}'
                    values: '{{NoErrorsThenTenPerCent}}'
                alert_rule_test:
                  - eval_time: 6m
                    alertname: HttpServerErrorRatioHigh
                    exp_alerts: []
                  - eval_time: 6m40s
                    alertname: HttpServerErrorRatioHigh
                    exp_alerts:
                      - exp_labels: { service: gateway, kpi: error_rate, severity: page }
                        exp_annotations:
                          summary: 'gateway: 10% of requests failing over the last 30s'
                          description: 'Above 5 % of at least 1 requests/s.'
              - interval: 5s
                input_series:
                  - series: 'http_server_request_duration_seconds_count{{Gateway}}'
                    values: '{{Requests}}'
                  - series: 'http_server_request_errors_total{{Gateway}}'
                    values: '0+3x119'
                alert_rule_test:
                  - eval_time: 5m
                    alertname: HttpServerErrorRatioHigh
                    exp_alerts: []
              - interval: 5s
                input_series:
                  - series: 'http_server_request_duration_seconds_count{{Gateway}}'
                    values: '0+4x119'
                  - series: 'http_server_request_errors_total{{Gateway}}'
                    values: '0+2x119'
                alert_rule_test:
                  - eval_time: 5m
                    alertname: HttpServerErrorRatioHigh
                    exp_alerts: []
            """;

        var (passed, output) = await RunRuleTestAsync(test);

        Assert.True(passed, output);
    }

    [Fact]
    public void Every_alert_carries_the_kpi_label_RootCause_reads_and_keeps_only_the_service_label_of_its_series()
    {
        var file = AlertRules.RuleFile(new AlertRuleSettings());

        Assert.Contains("      - alert: HttpServerLatencyHigh\n", file, StringComparison.Ordinal);
        Assert.Contains("      - alert: HttpServerErrorRatioHigh\n", file, StringComparison.Ordinal);
        Assert.Contains("          kpi: 'latency'\n", file, StringComparison.Ordinal);
        Assert.Contains("          kpi: 'error_rate'\n", file, StringComparison.Ordinal);
        Assert.Equal(
            "(sum by (service) (rate(http_server_request_errors_total{service=\"gateway\"}[30s])) / sum by (service) (rate(http_server_request_duration_seconds_count{service=\"gateway\"}[30s])) > 0.05)\n" +
            "and\n" +
            "(sum by (service) (rate(http_server_request_duration_seconds_count{service=\"gateway\"}[30s])) > 1)",
            AlertRules.ErrorRatioExpression(new AlertRuleSettings()));
    }

    [Fact]
    public void A_service_name_with_quotes_is_escaped_in_PromQL()
    {
        var expression = AlertRules.LatencyExpression(new AlertRuleSettings { Service = "we\"ird\\name" });

        Assert.Contains("{service=\"we\\\"ird\\\\name\"}", expression, StringComparison.Ordinal);
    }

    private static Task<(bool Passed, string Output)> RunRuleTestAsync(string test) =>
        PromtoolRun.RunAsync(
            "promtool",
            ["test", "rules", "{dir}/test.yml"],
            new Dictionary<string, string> { ["rules.yml"] = AlertRules.RuleFile(new AlertRuleSettings()), ["test.yml"] = test });
}
