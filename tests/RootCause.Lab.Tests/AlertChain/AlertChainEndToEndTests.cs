using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using RootCause.Analysis.FaultTrees;
using RootCause.Contracts;
using RootCause.Lab.AlertChain;
using RootCause.Server.Analyses;
using RootCause.Server.Hosting;
using Xunit.Abstractions;

namespace RootCause.Lab.Tests.AlertChain;

/// <summary>
/// The whole chain for real: the RootCause host in process, gateway batches posted to its batch API, Debian's
/// Prometheus scraping its /metrics and evaluating the lab's rules, Debian's Alertmanager posting to its webhook.
/// Nothing is hand-posted to RootCause's alert intake.
/// </summary>
public sealed class AlertChainEndToEndTests(ITestOutputHelper output)
{
    /// <summary>Healthy traffic first, so the rules' baseline (the 5 min before the last 30 s) holds data.</summary>
    private static readonly TimeSpan HealthyPhase = TimeSpan.FromSeconds(60);

    /// <summary>A batch every 5 s, a scrape every 5 s, an evaluation every 5 s, a hold of 5 s: firing is due within ~20 s.</summary>
    private static readonly TimeSpan AlertTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Alertmanager's group_wait is 2 s.</summary>
    private static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(30);

    [AlertChainFact]
    public async Task A_gateway_latency_jump_and_then_an_error_burst_each_reach_RootCause_through_the_real_Prometheus_and_Alertmanager()
    {
        AlertChainPrograms.Require();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var cancellationToken = deadline.Token;
        var analyses = new ConcurrentDictionary<Guid, AnalysisRecord>();
        var app = RootCauseHost.Build(
            new RootCauseHostOptions { Urls = "http://127.0.0.1:0", FaultTrees = FaultTreeSet.Parse([]).Set! },
            services => RecordingReportStore.Install(services, analyses));
        await app.StartAsync(cancellationToken);
        var work = Directory.CreateTempSubdirectory("rclab-alertchain-");
        using var stopFeeding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task? feeding = null;
        try
        {
            var rootCause = new Uri(app.Urls.First() + "/");
            using var client = new HttpClient { BaseAddress = rootCause, Timeout = TimeSpan.FromSeconds(10) };
            var options = new AlertChainOptions { RootCause = rootCause, WorkDirectory = work.FullName, PrometheusPort = LoopbackPorts.Free(), AlertmanagerPort = LoopbackPorts.Free() };
            var startedAt = TimeProvider.System.GetTimestamp();
            await using var chain = await Lab.AlertChain.AlertChain.StartAsync(options, cancellationToken);
            output.WriteLine($"chain up in {TimeProvider.System.GetElapsedTime(startedAt).TotalSeconds:0.0} s: Prometheus pid {chain.PrometheusPid} on {chain.PrometheusUrl}, Alertmanager pid {chain.AlertmanagerPid} on {chain.AlertmanagerUrl}");

            var traffic = new TrafficSwitch();
            feeding = FeedAsync(client, traffic, stopFeeding.Token);
            await Task.Delay(HealthyPhase, cancellationToken);

            // Healthy: scraped, nothing pending or firing, nothing posted to RootCause.
            var target = await chain.ScrapeTargetAsync(cancellationToken);
            Assert.Equal("up", target?.Health);
            Assert.Empty(await chain.AlertsAsync(cancellationToken));
            Assert.Empty(analyses);
            await AssertMetricsPassPromtoolAsync(client);

            var latency = await FaultToAnalysisAsync(chain, client, analyses, traffic, new Traffic(GatewayTraffic.SlowSeconds, 0), AlertNames.Latency, Kpis.Latency, cancellationToken);
            Assert.InRange(latency.Alert.Value, 0.05, GatewayTraffic.SlowSeconds + 0.001);

            // Back to fast answers, but a fifth of them failing: the error-ratio alert, a second analysis.
            var errors = await FaultToAnalysisAsync(chain, client, analyses, traffic, new Traffic(GatewayTraffic.HealthySeconds, GatewayTraffic.Requests / 5), AlertNames.ErrorRatio, Kpis.ErrorRate, cancellationToken);
            Assert.InRange(errors.Alert.Value, 0.05, 0.2 + 1e-9);
            Assert.Equal(2, analyses.Count);
        }
        finally
        {
            await stopFeeding.CancelAsync();
            if (feeding is not null)
            {
                await feeding;
            }

            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            work.Delete(recursive: true);
        }
    }

    /// <summary>Switches the traffic to <paramref name="fault"/>, then follows it to the alert firing and the analysis it starts in RootCause.</summary>
    private async Task<(PrometheusAlert Alert, AnalysisRecord Analysis)> FaultToAnalysisAsync(
        Lab.AlertChain.AlertChain chain,
        HttpClient client,
        ConcurrentDictionary<Guid, AnalysisRecord> analyses,
        TrafficSwitch traffic,
        Traffic fault,
        string alertName,
        string kpi,
        CancellationToken cancellationToken)
    {
        var faultAt = traffic.Switch(fault);
        var alert = await chain.WaitForFiringAsync(alertName, "gateway", AlertTimeout, cancellationToken);
        var firingSeenAt = TimeProvider.System.GetUtcNow();
        Assert.Equal(kpi, alert.Labels[AlertNames.KpiLabel]);

        var analysis = await WaitForAnalysisAsync(analyses, kpi, cancellationToken);
        var firstSlowBatch = await traffic.FirstPostOfAsync(fault, cancellationToken);
        output.WriteLine(
            $"{alertName}: fault switched {faultAt:HH:mm:ss.fff}, first faulty batch posted {firstSlowBatch:HH:mm:ss.fff}; " +
            $"alert active {alert.ActiveAt:HH:mm:ss.fff} (+{(alert.ActiveAt - firstSlowBatch).TotalSeconds:0.0} s after that batch), " +
            $"firing seen +{(firingSeenAt - firstSlowBatch).TotalSeconds:0.0} s, " +
            $"webhook received (analysis queued) {analysis.QueuedAt:HH:mm:ss.fff} (+{(analysis.QueuedAt - firstSlowBatch).TotalSeconds:0.0} s; " +
            $"{(analysis.QueuedAt - alert.ActiveAt).TotalSeconds:0.0} s after active); alert startsAt as sent {analysis.Symptom.At:HH:mm:ss.fff}; value {alert.Value.ToString("G4", CultureInfo.InvariantCulture)}");

        using var response = await client.GetAsync(new Uri($"api/v1/analyses/{analysis.Id:D}", UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var symptom = view.RootElement.GetProperty("symptom");
        Assert.Equal("gateway", symptom.GetProperty("service").GetString());
        Assert.Equal(kpi, symptom.GetProperty("kpi").GetString());
        Assert.Equal("alertmanager", symptom.GetProperty("source").GetString());
        Assert.Equal(alertName, symptom.GetProperty("alertName").GetString());
        Assert.Contains(view.RootElement.GetProperty("status").GetString(), new[] { "queued", "running", "done" });

        // The symptom's time is the alert's start as Prometheus sent it: after the fault, no later than its webhook.
        Assert.InRange(analysis.Symptom.At, alert.ActiveAt, analysis.QueuedAt);
        return (alert, analysis);
    }

    private static async Task<AnalysisRecord> WaitForAnalysisAsync(ConcurrentDictionary<Guid, AnalysisRecord> analyses, string kpi, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < WebhookTimeout)
        {
            if (analyses.Values.FirstOrDefault(a => a.Symptom.Kpi == kpi) is { } analysis)
            {
                return analysis;
            }

            await Task.Delay(100, cancellationToken);
        }

        Assert.Fail($"The alert fired but RootCause started no {kpi} analysis within {WebhookTimeout.TotalSeconds:0} s (Alertmanager did not deliver, or the intake refused the webhook).");
        return null!;
    }

    /// <summary>Like an agent: at the end of each 5 s interval of the wall-clock grid, that interval's batch.</summary>
    private static async Task FeedAsync(HttpClient client, TrafficSwitch traffic, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = TimeProvider.System.GetUtcNow();
                var next = GatewayTraffic.IntervalOf(now).AddSeconds(GatewayTraffic.IntervalSeconds);
                await Task.Delay(next - now, cancellationToken);
                var current = traffic.Current;
                var batch = GatewayTraffic.Batch(next.AddSeconds(-GatewayTraffic.IntervalSeconds), current.LatencySeconds, current.Errors);
                using var body = new StringContent(JsonSerializer.Serialize(new[] { batch }, WireJson.Options), Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(new Uri("api/v1/batches", UriKind.Relative), body, cancellationToken);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                traffic.Posted(current, TimeProvider.System.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    /// <summary>RootCause's /metrics, as Prometheus scraped it, under promtool's own linter.</summary>
    private async Task AssertMetricsPassPromtoolAsync(HttpClient client)
    {
        var metrics = await client.GetStringAsync(new Uri("metrics", UriKind.Relative));
        var result = await ProcessRunner.RunAsync("promtool", ["check", "metrics"], CancellationToken.None, TimeSpan.FromSeconds(30), standardInput: metrics);
        output.WriteLine($"promtool check metrics: exit {result.ExitCode} {result.StandardOutput}{result.StandardError}");
        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
        Assert.Contains("http_server_request_duration_seconds_bucket{service=\"gateway\",instance=\"gateway-1\",http_route=\"GET /products\",caller=\"load\",le=\"+Inf\"}", metrics, StringComparison.Ordinal);
    }

    private sealed record Traffic(double LatencySeconds, long Errors);

    /// <summary>What the feeder sends now, and when it first posted each kind of traffic.</summary>
    private sealed class TrafficSwitch
    {
        private readonly ConcurrentDictionary<Traffic, DateTimeOffset> _firstPosted = new();
        private Traffic _current = new(GatewayTraffic.HealthySeconds, 0);

        public Traffic Current => Volatile.Read(ref _current);

        public DateTimeOffset Switch(Traffic traffic)
        {
            Volatile.Write(ref _current, traffic);
            return TimeProvider.System.GetUtcNow();
        }

        public void Posted(Traffic traffic, DateTimeOffset at) => _firstPosted.TryAdd(traffic, at);

        public async Task<DateTimeOffset> FirstPostOfAsync(Traffic traffic, CancellationToken cancellationToken)
        {
            while (!_firstPosted.ContainsKey(traffic))
            {
                await Task.Delay(50, cancellationToken);
            }

            return _firstPosted[traffic];
        }
    }
}
