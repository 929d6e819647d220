using System.Globalization;
using RootCause.Contracts;
using RootCause.Lab.AlertChain;

namespace RootCause.Lab.Runs;

/// <summary>
/// Runs scenarios on a started lab: healthy baseline, then for each fault inject → wait for the real alert →
/// wait for RootCause's report → remove → wait until the alerts resolve and the system settles. Every wait is
/// bounded; a fault is removed whatever happens, also on cancellation.
/// </summary>
public sealed class LabRunner(
    LabEnvironment lab,
    AlertChain.AlertChain alerts,
    IRootCauseService rootCause,
    LabRunOptions options,
    IProgress<string> progress,
    TimeProvider time)
{
    /// <summary>Called with each scenario's fault and report (e.g. to record the incident), before the fault is removed.</summary>
    public Func<LabFault, RootCauseReport, CancellationToken, Task>? OnReport { get; init; }

    /// <summary>Waits for the alerted service's traffic, then for the baseline. Throws <see cref="LabException"/> when no traffic comes.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.FirstTrafficTimeout;
        while (!await rootCause.HasTrafficAsync(options.AlertedService, cancellationToken))
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new LabException($"RootCause has no traffic of {options.AlertedService} after {Seconds(options.FirstTrafficTimeout)} s: the agent does not see the lab (its log is in the lab's work folder)");
            }

            await Task.Delay(options.Poll, time, cancellationToken);
        }

        progress.Report($"traffic of {options.AlertedService} seen; {Seconds(options.Baseline)} s of healthy baseline");
        await Task.Delay(options.Baseline, time, cancellationToken);
    }

    public async Task<LabRunResult> RunAsync(IReadOnlyList<LabScenario> scenarios, CancellationToken cancellationToken)
    {
        var results = new List<ScenarioResult>();
        for (var i = 0; i < scenarios.Count; i++)
        {
            progress.Report($"scenario {i + 1}/{scenarios.Count}: {scenarios[i]}");
            var result = await RunOneAsync(scenarios[i], cancellationToken);
            results.Add(result);
            progress.Report(result.Error is { } error
                ? $"  {error}"
                : $"  expected {result.ExpectedEntity} ranked {(result.Rank is { } r ? r.ToString(CultureInfo.InvariantCulture) : "nowhere")}, class {result.FaultClass} (expected {result.ExpectedClass}); fault→alert {result.SecondsFaultToAlert:0} s, alert→report {result.SecondsAlertToReport:0.0} s");
        }

        return LabRunResult.Score(results);
    }

    private async Task<ScenarioResult> RunOneAsync(LabScenario scenario, CancellationToken cancellationToken)
    {
        await WaitForQuietAsync(cancellationToken);
        var fault = lab.CreateFault(scenario.Fault, scenario.Target);
        var row = new ScenarioResult(fault.Name, fault.Target, fault.Expected.ToString(), null, null, fault.ExpectedClass, null, null, null);
        try
        {
            try
            {
                await fault.ApplyAsync(cancellationToken);
            }
            catch (LabException e)
            {
                return row with { Error = $"the fault could not be applied: {e.Message}" };
            }

            var injectedAt = fault.AppliedAt!.Value;
            progress.Report($"  injected: {fault.Description}");
            var alert = await WaitForAlertAsync(injectedAt, cancellationToken);
            if (alert is null)
            {
                return row with { Error = $"no alert on {options.AlertedService} fired within {Seconds(options.AlertTimeout)} s of the fault" };
            }

            var alertSeen = time.GetUtcNow();
            row = row with { SecondsFaultToAlert = Round((alertSeen - injectedAt).TotalSeconds) };
            progress.Report($"  alert {alert.Name} firing after {row.SecondsFaultToAlert:0} s; waiting for the report");

            // The alert's own start may precede our poll by an evaluation; any report for an alert since the fault counts.
            var report = await rootCause.WaitForReportAsync(options.AlertedService, injectedAt - options.Poll, options.ReportTimeout, cancellationToken);
            if (report is null)
            {
                return row with { Error = $"no report for the {alert.Name} alert within {Seconds(options.ReportTimeout)} s" };
            }

            row = await ScoreAsync(row, fault, report, alertSeen, cancellationToken);
            if (OnReport is not null)
            {
                await OnReport(fault, report, cancellationToken);
            }

            return row;
        }
        finally
        {
            await fault.RemoveAsync(CancellationToken.None);
        }
    }

    private async Task<ScenarioResult> ScoreAsync(ScenarioResult row, LabFault fault, RootCauseReport report, DateTimeOffset alertSeen, CancellationToken cancellationToken)
    {
        var resolve = await rootCause.ServiceResolverAsync(cancellationToken);
        string? ServiceOf(string name) => resolve(name) ?? LabLayout.Members.FirstOrDefault(m => m.Address.ToString() == name)?.Name;
        var found = CauseMatcher.Find(report, fault.Expected, ServiceOf);
        return row with
        {
            Rank = found?.Rank,
            FaultClass = (found ?? (report.RootCauses.Count > 0 ? report.RootCauses[0] : null))?.FaultClass,
            SecondsAlertToReport = Round(Math.Max(0, (time.GetUtcNow() - alertSeen).TotalSeconds)),
            ReportUrl = rootCause.ReportPage(report.Id).ToString(),
        };
    }

    private async Task<PrometheusAlert?> WaitForAlertAsync(DateTimeOffset injectedAt, CancellationToken cancellationToken)
    {
        var deadline = injectedAt + options.AlertTimeout;
        while (time.GetUtcNow() < deadline)
        {
            var firing = (await alerts.AlertsAsync(cancellationToken)).FirstOrDefault(a => a.IsFiring && a.Service == options.AlertedService);
            if (firing is not null)
            {
                return firing;
            }

            await Task.Delay(options.Poll, time, cancellationToken);
        }

        return null;
    }

    /// <summary>Before a fault: no alert on the alerted service (pending or firing), then a settle period of healthy traffic.</summary>
    private async Task WaitForQuietAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.RecoveryTimeout;
        while ((await alerts.AlertsAsync(cancellationToken)).Any(a => a.Service == options.AlertedService))
        {
            if (time.GetUtcNow() > deadline)
            {
                progress.Report($"  alerts on {options.AlertedService} still active after {Seconds(options.RecoveryTimeout)} s of recovery; going on");
                break;
            }

            await Task.Delay(options.Poll, time, cancellationToken);
        }

        await Task.Delay(options.Settle, time, cancellationToken);
    }

    private static double Round(double seconds) => Math.Round(seconds, 1);

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
}
