using System.Diagnostics;
using System.Globalization;

namespace RootCause.Lab.AlertChain;

/// <summary>
/// The lab's real alert chain: a Prometheus that scrapes RootCause's /metrics and evaluates the lab's alerting
/// rules, and an Alertmanager that posts every alert to RootCause's Alertmanager webhook. Both run on 127.0.0.1
/// with their configs, data, logs and pids in the work folder; disposing stops both (once).
/// </summary>
public sealed class AlertChain : IAsyncDisposable
{
    private const string PrometheusName = "prometheus";
    private const string AlertmanagerName = "alertmanager";

    private static readonly TimeSpan AlertPollInterval = TimeSpan.FromMilliseconds(250);

    private readonly ChainProcess _alertmanager;
    private readonly ChainProcess _prometheus;
    private readonly HttpClient _http;
    private readonly PrometheusApi _api;
    private int _disposed;

    private AlertChain(AlertChainOptions options, ChainProcess alertmanager, ChainProcess prometheus, HttpClient http)
    {
        Options = options;
        _alertmanager = alertmanager;
        _prometheus = prometheus;
        _http = http;
        _api = new PrometheusApi(http);
        PrometheusUrl = PrometheusAddress(options);
        AlertmanagerUrl = AlertmanagerAddress(options);
    }

    public AlertChainOptions Options { get; }

    public Uri PrometheusUrl { get; }

    public Uri AlertmanagerUrl { get; }

    /// <summary>The generated rule file Prometheus evaluates.</summary>
    public string RuleFile => Path.Combine(Options.WorkDirectory, ChainConfigFiles.RuleFileName);

    public int PrometheusPid => _prometheus.Pid;

    public int AlertmanagerPid => _alertmanager.Pid;

    /// <summary>Null when the programs the chain runs are installed, else which are missing and their Debian packages, in one line.</summary>
    public static string? MissingPrograms(AlertChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var missing = new[]
        {
            (options.PrometheusProgram, "prometheus"),
            (options.AlertmanagerProgram, "prometheus-alertmanager"),
            (options.PromtoolProgram, "prometheus"),
        }.Where(p => Resolve(p.Item1) is null).Select(p => $"{p.Item1} ({p.Item2})").Distinct().ToArray();
        return missing.Length == 0 ? null : $"missing programs: {string.Join(", ", missing)}; scripts/setup installs them";
    }

    /// <summary>
    /// Stops what a crashed earlier run in the same work folder left running (by its pid files); writes the configs
    /// and the rule file (checked with promtool) with fresh data folders, so no alert state of an earlier run remains;
    /// starts Alertmanager, then Prometheus; returns once both are ready and Prometheus knows its Alertmanager. Throws
    /// <see cref="LabException"/> (with the tail of the server's log) when either does not come up within
    /// <see cref="AlertChainOptions.ReadinessTimeout"/>; whatever was started is stopped again.
    /// </summary>
    public static async Task<AlertChain> StartAsync(AlertChainOptions options, CancellationToken cancellationToken)
    {
        Validate(options);
        if (MissingPrograms(options) is { } missing)
        {
            throw new LabException($"The alert chain cannot start: {missing}.");
        }

        var work = Path.GetFullPath(options.WorkDirectory);
        options = options with { WorkDirectory = work };
        Directory.CreateDirectory(work);
        var prometheusProgram = Resolve(options.PrometheusProgram)!;
        var alertmanagerProgram = Resolve(options.AlertmanagerProgram)!;
        await ChainProcess.StopLeftoverAsync(PrometheusName, prometheusProgram, work, options.StopTimeout, cancellationToken).ConfigureAwait(false);
        await ChainProcess.StopLeftoverAsync(AlertmanagerName, alertmanagerProgram, work, options.StopTimeout, cancellationToken).ConfigureAwait(false);
        var prometheusData = FreshDirectory(Path.Combine(work, "prometheus-data"));
        var alertmanagerData = FreshDirectory(Path.Combine(work, "alertmanager-data"));
        var prometheusConfig = Path.Combine(work, "prometheus.yml");
        var alertmanagerConfig = Path.Combine(work, "alertmanager.yml");
        var ruleFile = Path.Combine(work, ChainConfigFiles.RuleFileName);
        await File.WriteAllTextAsync(ruleFile, AlertRules.RuleFile(options.Rules), cancellationToken).ConfigureAwait(false);

        // promtool names a bad rule by line; Prometheus would only exit with it in its log.
        var check = await PromtoolCheck.CheckRulesAsync(ruleFile, Resolve(options.PromtoolProgram)!, cancellationToken).ConfigureAwait(false);
        if (!check.Passed)
        {
            throw new LabException($"The generated rule file {ruleFile} does not pass promtool check rules:{Environment.NewLine}{check.Output}");
        }

        await File.WriteAllTextAsync(prometheusConfig, ChainConfigFiles.Prometheus(options), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(alertmanagerConfig, ChainConfigFiles.Alertmanager(options), cancellationToken).ConfigureAwait(false);

        ChainProcess? alertmanager = null;
        ChainProcess? prometheus = null;
        var http = new HttpClient { BaseAddress = PrometheusAddress(options), Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            alertmanager = await ChainProcess.StartAsync(
                AlertmanagerName,
                alertmanagerProgram,
                [
                    $"--config.file={alertmanagerConfig}",
                    $"--storage.path={alertmanagerData}",
                    $"--web.listen-address=127.0.0.1:{options.AlertmanagerPort.ToString(CultureInfo.InvariantCulture)}",
                    "--cluster.listen-address=", // empty: no gossip, no cluster port
                ],
                work,
                options.StopTimeout,
                cancellationToken).ConfigureAwait(false);
            using (var alertmanagerHttp = new HttpClient { BaseAddress = AlertmanagerAddress(options), Timeout = TimeSpan.FromSeconds(2) })
            {
                await alertmanager.WaitUntilReadyAsync(ct => PrometheusApi.IsReadyAsync(alertmanagerHttp, ct), $"ready on {AlertmanagerAddress(options)}", options.ReadinessTimeout, cancellationToken).ConfigureAwait(false);
            }

            prometheus = await ChainProcess.StartAsync(
                PrometheusName,
                prometheusProgram,
                [
                    $"--config.file={prometheusConfig}",
                    $"--storage.tsdb.path={prometheusData}",
                    $"--web.listen-address=127.0.0.1:{options.PrometheusPort.ToString(CultureInfo.InvariantCulture)}",
                    "--storage.tsdb.retention.time=1d",
                ],
                work,
                options.StopTimeout,
                cancellationToken).ConfigureAwait(false);
            var api = new PrometheusApi(http);
            await prometheus.WaitUntilReadyAsync(api.IsReadyAsync, $"ready on {PrometheusAddress(options)}", options.ReadinessTimeout, cancellationToken).ConfigureAwait(false);
            await prometheus.WaitUntilReadyAsync(api.HasAlertmanagerAsync, "its Alertmanager", options.ReadinessTimeout, cancellationToken).ConfigureAwait(false);
            return new AlertChain(options, alertmanager, prometheus, http);
        }
        catch
        {
            if (prometheus is not null)
            {
                await prometheus.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            if (alertmanager is not null)
            {
                await alertmanager.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            http.Dispose();
            throw;
        }
    }

    /// <summary>Every alert Prometheus holds now, pending or firing.</summary>
    public Task<IReadOnlyList<PrometheusAlert>> AlertsAsync(CancellationToken cancellationToken) => _api.AlertsAsync(cancellationToken);

    /// <summary>The alert named <paramref name="alertName"/> on <paramref name="service"/>, pending or firing; null when its condition does not hold.</summary>
    public async Task<PrometheusAlert?> FindAlertAsync(string alertName, string service, CancellationToken cancellationToken) =>
        (await AlertsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(a => a.Name == alertName && a.Service == service);

    /// <summary>
    /// Waits until the alert fires (for measuring fault → alert: its <see cref="PrometheusAlert.ActiveAt"/> is when its
    /// condition first held). Throws <see cref="LabException"/> after <paramref name="timeout"/>, saying how far it got:
    /// pending or not at all, the expression's current value, and whether the scrape of RootCause works.
    /// </summary>
    public async Task<PrometheusAlert> WaitForFiringAsync(string alertName, string service, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        PrometheusAlert? last = null;
        while (true)
        {
            last = await FindAlertAsync(alertName, service, cancellationToken).ConfigureAwait(false);
            if (last is { IsFiring: true })
            {
                return last;
            }

            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                throw new LabException($"{alertName} on {service} did not fire within {timeout.TotalSeconds:0} s: {await DescribeAsync(alertName, last, cancellationToken).ConfigureAwait(false)}");
            }

            await Task.Delay(AlertPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An instant PromQL query at Prometheus' now.</summary>
    public Task<IReadOnlyList<PrometheusSample>> QueryAsync(string promQl, CancellationToken cancellationToken) => _api.QueryAsync(promQl, cancellationToken);

    /// <summary>How the scrape of RootCause's /metrics went last; null before Prometheus has loaded its target.</summary>
    public async Task<ScrapeTarget?> ScrapeTargetAsync(CancellationToken cancellationToken)
    {
        var targets = await _api.TargetsAsync(cancellationToken).ConfigureAwait(false);
        return targets.Count == 0 ? null : targets[0];
    }

    /// <summary>Stops Prometheus (so nothing more is sent), then Alertmanager; idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await _prometheus.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _alertmanager.StopAsync(CancellationToken.None).ConfigureAwait(false);
            _http.Dispose();
        }
    }

    private async Task<string> DescribeAsync(string alertName, PrometheusAlert? last, CancellationToken cancellationToken)
    {
        var parts = new List<string>
        {
            last is null ? "its condition never held" : $"{last.State} since {last.ActiveAt:HH:mm:ss} with value {last.Value.ToString("G4", CultureInfo.InvariantCulture)}",
        };
        try
        {
            (string Name, string PromQl)[] figures = alertName switch
            {
                AlertNames.Latency => [("recent mean latency (s)", AlertRules.RecentMeanLatency(Options.Rules)), ("baseline mean latency (s)", AlertRules.BaselineMeanLatency(Options.Rules))],
                AlertNames.ErrorRatio => [("recent error ratio", AlertRules.RecentErrorRatio(Options.Rules))],
                _ => [],
            };
            foreach (var (name, promQl) in figures)
            {
                var samples = await QueryAsync(promQl, cancellationToken).ConfigureAwait(false);
                parts.Add($"{name} {(samples.Count == 0 ? "has no value (no data in the window)" : samples[0].Value.ToString("G4", CultureInfo.InvariantCulture))}");
            }

            var target = await ScrapeTargetAsync(cancellationToken).ConfigureAwait(false);
            parts.Add(target is null
                ? "Prometheus has no scrape target"
                : $"the scrape of {target.Url} is {target.Health}{(target.LastError.Length > 0 ? $" ({target.LastError})" : string.Empty)}");
            parts.Add($"Prometheus log: {_prometheus.LogPath}");
        }
        catch (LabException e)
        {
            parts.Add(e.Message);
        }

        return string.Join("; ", parts);
    }

    private static void Validate(AlertChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.RootCause);
        if (!options.RootCause.IsAbsoluteUri || options.RootCause.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"RootCause's address must be an absolute http(s) URL, not '{options.RootCause}'.", nameof(options));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(options.WorkDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PrometheusPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PrometheusPort, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.AlertmanagerPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.AlertmanagerPort, 65535);
        if (options.PrometheusPort == options.AlertmanagerPort)
        {
            throw new ArgumentException($"Prometheus and Alertmanager cannot share port {options.PrometheusPort}.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.ScrapeInterval, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EvaluationInterval, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReadinessTimeout, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.StopTimeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(options.Rules);
    }

    private static string FreshDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }

    private static string? Resolve(string program) =>
        program.Contains('/', StringComparison.Ordinal) ? (File.Exists(program) ? program : null) : LabPreconditionsProbe.Find(program);

    private static Uri PrometheusAddress(AlertChainOptions options) => new($"http://127.0.0.1:{options.PrometheusPort.ToString(CultureInfo.InvariantCulture)}/");

    private static Uri AlertmanagerAddress(AlertChainOptions options) => new($"http://127.0.0.1:{options.AlertmanagerPort.ToString(CultureInfo.InvariantCulture)}/");
}
