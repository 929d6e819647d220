using RootCause.Contracts;
using RootCause.Server.Telemetry;

namespace RootCause.Server.Tests.Metrics;

public sealed class PrometheusExpositionTests
{
    // A route with a double quote and a backslash: both must be escaped inside the label's quotes.
    private const string Route = "GET /search?q=\"a\\b\"";

    [Fact]
    public async Task Two_batches_expose_cumulative_histograms_error_counters_and_escaped_labels_exactly()
    {
        var counters = new GoldenMetricCounters();
        counters.Add(GoldenBatches.Batch(
            GoldenBatches.Start,
            [new GoldenSample("gateway", Route, "gateway-1", "load", GoldenBatches.Stats(1, 0.5, (2, 1), (4, 2), (7, 1)))],
            [new CallSample("gateway", "gateway-1", "catalog", "GET /items", GoldenBatches.Stats(0, 0.004, (2, 1)))]));
        counters.Add(GoldenBatches.Batch(
            GoldenBatches.Start.AddSeconds(15),
            [new GoldenSample("gateway", Route, "gateway-1", "load", GoldenBatches.Stats(0, 0.25, (6, 2)))]));

        var text = await WriteAsync(counters.Snapshot());

        const string Server = "service=\"gateway\",instance=\"gateway-1\",http_route=\"GET /search?q=\\\"a\\\\b\\\"\",caller=\"load\"";
        const string Client = "service=\"gateway\",instance=\"gateway-1\",http_route=\"GET /items\",peer_service=\"catalog\"";
        var expected = string.Join('\n', [
            "# HELP http_server_request_duration_seconds Duration of HTTP server requests as RootCause's agents measured them, by service, instance, operation (http_route) and caller.",
            "# TYPE http_server_request_duration_seconds histogram",
            .. Buckets("http_server_request_duration_seconds", Server, [0, 0, 1, 1, 3, 3, 5, 6, 6, 6, 6, 6, 6, 6]),
            $"http_server_request_duration_seconds_sum{{{Server}}} 0.75",
            $"http_server_request_duration_seconds_count{{{Server}}} 6",
            "# HELP http_server_request_errors_total HTTP server requests that failed (5xx, connection resets, protocol errors); divide by http_server_request_duration_seconds_count for the error ratio.",
            "# TYPE http_server_request_errors_total counter",
            $"http_server_request_errors_total{{{Server}}} 1",
            "# HELP http_client_request_duration_seconds Duration of HTTP client requests as RootCause's agents measured them, by service, instance, operation (http_route) and callee.",
            "# TYPE http_client_request_duration_seconds histogram",
            .. Buckets("http_client_request_duration_seconds", Client, [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
            $"http_client_request_duration_seconds_sum{{{Client}}} 0.004",
            $"http_client_request_duration_seconds_count{{{Client}}} 1",
            "# HELP http_client_request_errors_total HTTP client requests that failed (5xx, connection resets, protocol errors); divide by http_client_request_duration_seconds_count for the error ratio.",
            "# TYPE http_client_request_errors_total counter",
            $"http_client_request_errors_total{{{Client}}} 0",
            "# HELP rootcause_metrics_series Golden-metric series held for this endpoint (server and client label sets).",
            "# TYPE rootcause_metrics_series gauge",
            "rootcause_metrics_series 2",
            "# HELP rootcause_metrics_refused_samples_total Golden samples of new series refused because the series or label-size limit was reached.",
            "# TYPE rootcause_metrics_refused_samples_total counter",
            "rootcause_metrics_refused_samples_total 0",
            string.Empty,
        ]);
        Assert.Equal(expected, text);
    }

    [Fact]
    public async Task The_Inf_bucket_of_every_series_equals_its_count_and_buckets_never_decrease()
    {
        var counters = new GoldenMetricCounters();
        for (var i = 0; i < 5; i++)
        {
            counters.Add(GoldenBatches.Batch(
                GoldenBatches.Start.AddSeconds(15 * i),
                [
                    new GoldenSample("gateway", "GET /", "gateway-1", "load", GoldenBatches.Stats(i, 0.1 * i, (i, 3), (13, i))),
                    new GoldenSample("cart", "GET /cart", "cart-1", "gateway", GoldenBatches.Stats(0, 0.2, (12, 7))),
                ]));
        }

        var lines = (await WriteAsync(counters.Snapshot())).Split('\n');

        foreach (var service in new[] { "gateway", "cart" })
        {
            var buckets = lines.Where(l => l.StartsWith("http_server_request_duration_seconds_bucket{service=\"" + service + "\"", StringComparison.Ordinal))
                .Select(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var count = lines.Single(l => l.StartsWith("http_server_request_duration_seconds_count{service=\"" + service + "\"", StringComparison.Ordinal));
            Assert.Equal(LatencyBuckets.Count, buckets.Length);
            Assert.Equal(buckets.Order(), buckets);
            Assert.EndsWith(" " + buckets[^1], count, StringComparison.Ordinal);
            Assert.Contains(lines, l => l.Contains($"service=\"{service}\"", StringComparison.Ordinal) && l.Contains("le=\"+Inf\"", StringComparison.Ordinal));
        }

        Assert.EndsWith(" 25", lines.Single(l => l.StartsWith("http_server_request_duration_seconds_count{service=\"gateway\"", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(" 10", lines.Single(l => l.StartsWith("http_server_request_errors_total{service=\"gateway\"", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("tab\tstays", "tab\tstays")]
    public void Label_values_escape_backslash_double_quote_and_line_feed_only(string value, string escaped) =>
        Assert.Equal(escaped, PrometheusExposition.EscapeLabelValue(value));

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.0025, "0.0025")]
    [InlineData(10.0, "10")]
    public void Numbers_are_written_as_Prometheus_reads_them(double value, string text) =>
        Assert.Equal(text, PrometheusExposition.FormatNumber(value));

    private static string[] Buckets(string name, string labels, long[] cumulative)
    {
        string[] bounds = ["0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"];
        return bounds.Select((le, i) => $"{name}_bucket{{{labels},le=\"{le}\"}} {cumulative[i]}").ToArray();
    }

    internal static async Task<string> WriteAsync(GoldenMetricsSnapshot snapshot)
    {
        await using var writer = new StringWriter { NewLine = "\n" };
        await PrometheusExposition.WriteAsync(writer, snapshot, CancellationToken.None);
        return writer.ToString();
    }
}
