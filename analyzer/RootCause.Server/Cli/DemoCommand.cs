using System.CommandLine;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using RootCause.Contracts;
using RootCause.Lab;
using RootCause.Lab.Runs;
using RootCause.Server.Hosting;
using RootCause.Server.Reports;
using RootCause.Simulation;

namespace RootCause.Server.Cli;

/// <summary>
/// `rootcause demo`: the main job on embedded defaults. As root on a kernel with BTF it runs one live lab
/// scenario — a real shop in network namespaces, the eBPF agent, packet loss on one link, the real
/// Prometheus → Alertmanager → RootCause alert chain — and prints the report. Elsewhere it says why in one
/// line and falls back to a simulated incident: the service host in-process on loopback, the telemetry
/// published on its bus, the alert raised as a real Alertmanager webhook call. Both write the report as
/// Markdown and HTML.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var services = new Option<int>("--services") { Description = "Number of services (simulated incident)", DefaultValueFactory = _ => 20 };
        var fault = new Option<string>("--fault") { Description = "Fault class to inject in the simulated incident (the live one injects packet loss): " + string.Join(", ", FaultClasses.All), DefaultValueFactory = _ => FaultClasses.NetworkLoss };
        var seed = new Option<int>("--seed") { Description = "Random seed of the simulated incident; the same seed gives the same incident", DefaultValueFactory = _ => 7 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to write the report files", DefaultValueFactory = _ => new DirectoryInfo("rootcause-demo") };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of Markdown" };
        var faultTrees = CliFaultTrees.Option();
        var simulated = new Option<bool>("--simulated") { Description = "Run the simulated incident even where the live lab could run" };
        var command = new Command("demo", "One live lab incident analysed end to end (root), else a simulated one") { services, fault, seed, output, json, faultTrees, simulated };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(simulated))
            {
                if (LabPreconditions.Problem() is { } problem)
                {
                    await Console.Error.WriteLineAsync($"rootcause demo: no live lab here ({problem}); running the simulated incident instead").ConfigureAwait(false);
                }
                else
                {
                    return await RunLabAsync(parse.GetValue(output)!, parse.GetValue(json), cancellationToken).ConfigureAwait(false);
                }
            }

            if (!FaultClasses.TryParse(parse.GetValue(fault), out var kind))
            {
                await Console.Error.WriteLineAsync($"rootcause demo: unknown fault \"{parse.GetValue(fault)}\"; expected one of {string.Join(", ", FaultClasses.All)}").ConfigureAwait(false);
                return 1;
            }

            var trees = await CliFaultTrees.LoadOrReportAsync(parse.GetValue(faultTrees), "demo").ConfigureAwait(false);
            if (trees is null)
            {
                return 1;
            }

            var scenario = Scenario.Create(new ScenarioOptions { Services = parse.GetValue(services), Fault = kind, Seed = parse.GetValue(seed) });
            if (scenario.Webhook is null || scenario.Fault is null)
            {
                await Console.Error.WriteLineAsync("rootcause demo: the simulated fault raised no alert; try another --seed").ConfigureAwait(false);
                return 1;
            }

            await Console.Error.WriteLineAsync($"Simulated {scenario.Options.Services} services on {scenario.Options.Nodes} nodes; injected {scenario.Fault.FaultClass} at {scenario.Fault.Target} (the analyzer is not told).").ConfigureAwait(false);
            // The host's log goes to stderr: stdout carries the report.
            var app = RootCauseHost.Build(
                new RootCauseHostOptions { Urls = "http://127.0.0.1:0", FaultTrees = trees },
                services => services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/") };
                await Console.Error.WriteLineAsync($"Service host listening on {http.BaseAddress}").ConfigureAwait(false);

                var bus = app.Services.GetRequiredService<IBus>();
                foreach (var batch in scenario.Batches)
                {
                    await bus.Publish(batch, cancellationToken).ConfigureAwait(false);
                }

                await HostProbe.WaitForBatchesAsync(http, scenario.Batches.Count, cancellationToken).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"Published {scenario.Batches.Count} metric batches on the bus; posting the Alertmanager webhook.").ConfigureAwait(false);

                var body = new StringContent(JsonSerializer.Serialize(scenario.Webhook, WireJson.Options), Encoding.UTF8, "application/json");
                using var accepted = await http.PostAsync("api/v1/alerts/alertmanager", body, cancellationToken).ConfigureAwait(false);
                accepted.EnsureSuccessStatusCode();
                using var acceptedJson = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                var id = acceptedJson.RootElement.GetProperty("analyses")[0].GetProperty("id").GetGuid();

                var report = await HostProbe.WaitForReportAsync(http, id, cancellationToken).ConfigureAwait(false);
                var markdown = await http.GetStringAsync($"reports/{id}.md", cancellationToken).ConfigureAwait(false);
                var html = await http.GetStringAsync($"reports/{id}", cancellationToken).ConfigureAwait(false);
                var directory = parse.GetValue(output)!;
                directory.Create();
                var markdownPath = Path.Combine(directory.FullName, $"report-{id}.md");
                var htmlPath = Path.Combine(directory.FullName, $"report-{id}.html");
                await File.WriteAllTextAsync(markdownPath, markdown, cancellationToken).ConfigureAwait(false);
                await File.WriteAllTextAsync(htmlPath, html, cancellationToken).ConfigureAwait(false);

                await Console.Out.WriteLineAsync().ConfigureAwait(false);
                await Console.Out.WriteLineAsync(parse.GetValue(json) ? ReportJson.Serialize(report, indented: true) : markdown).ConfigureAwait(false);
                // With --json, stdout is the report alone; the rest goes to stderr.
                var notes = parse.GetValue(json) ? Console.Error : Console.Out;
                await notes.WriteLineAsync(AnalyzeCommand.TruthLine(scenario.Truth!, report)).ConfigureAwait(false);
                await notes.WriteLineAsync($"Markdown report: {markdownPath}").ConfigureAwait(false);
                await notes.WriteLineAsync($"HTML report:     {htmlPath}").ConfigureAwait(false);
                await app.StopAsync(cancellationToken).ConfigureAwait(false);
                return report.RootCauses.Count > 0 && report.RootCauses[0].Entity == scenario.Truth!.Entity ? 0 : 3;
            }
        });
        return command;
    }

    /// <summary>The live demo: packet loss on the link from checkout to payment, the promise of the product.</summary>
    private static async Task<int> RunLabAsync(DirectoryInfo output, bool json, CancellationToken cancellationToken)
    {
        var saved = (Markdown: "", Html: "", Page: "");
        RootCauseReport? report = null;
        var session = new LabSession(new Progress<string>(line => Console.Error.WriteLine($"[lab] {line}")))
        {
            // One scenario needs less baseline than a scored run; the detector scales to the history it has.
            Run = new LabRunOptions { Baseline = TimeSpan.FromSeconds(120) },
            OnReport = async (host, _, published, token) =>
            {
                // The host stops with the lab: keep the report's pages while they are served.
                using var http = new HttpClient { BaseAddress = host.BaseAddress };
                report = published;
                saved = (await http.GetStringAsync($"reports/{published.Id}.md", token).ConfigureAwait(false),
                    await http.GetStringAsync($"reports/{published.Id}", token).ConfigureAwait(false),
                    ((IRootCauseService)host).ReportPage(published.Id).ToString());
            },
        };
        LabRunResult result;
        try
        {
            result = await session.RunAsync([new LabScenario(LabFaultCatalog.PacketLoss, "checkout -> payment")], cancellationToken).ConfigureAwait(false);
        }
        catch (LabException e)
        {
            await Console.Error.WriteLineAsync($"rootcause demo: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        var scenario = result.Scenarios[0];
        if (report is null)
        {
            await Console.Error.WriteLineAsync($"rootcause demo: {scenario.Error}").ConfigureAwait(false);
            return 1;
        }

        output.Create();
        var markdownPath = Path.Combine(output.FullName, $"report-{report.Id}.md");
        var htmlPath = Path.Combine(output.FullName, $"report-{report.Id}.html");
        await File.WriteAllTextAsync(markdownPath, saved.Markdown, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(htmlPath, saved.Html, cancellationToken).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(json ? ReportJson.Serialize(report, indented: true) : saved.Markdown).ConfigureAwait(false);
        var notes = json ? Console.Error : Console.Out;
        await notes.WriteLineAsync($"Injected {scenario.Fault} on {scenario.Target} (the analyzer is not told): expected {scenario.ExpectedEntity} ranked {(scenario.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nowhere")}, class {scenario.FaultClass} (expected {scenario.ExpectedClass}); fault→alert {scenario.SecondsFaultToAlert} s, alert→report {scenario.SecondsAlertToReport} s.").ConfigureAwait(false);
        await notes.WriteLineAsync($"Report page (served while the lab ran): {saved.Page}").ConfigureAwait(false);
        await notes.WriteLineAsync($"Markdown report: {markdownPath}").ConfigureAwait(false);
        await notes.WriteLineAsync($"HTML report:     {htmlPath}").ConfigureAwait(false);
        return scenario.Rank == 1 ? 0 : 3;
    }
}
