using System.CommandLine;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using RootCause.Contracts;
using RootCause.Server.Hosting;
using RootCause.Server.Reports;
using RootCause.Simulation;

namespace RootCause.Server.Cli;

/// <summary>
/// `rootcause demo`: the main job on embedded defaults. Simulates an incident, starts the service host
/// in-process on loopback, publishes the telemetry on its bus, raises the alert as a real Alertmanager
/// webhook call, waits for the report and writes it as Markdown and HTML.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var services = new Option<int>("--services") { Description = "Number of services", DefaultValueFactory = _ => 20 };
        var fault = new Option<string>("--fault") { Description = "Fault class to inject: " + string.Join(", ", FaultClasses.All), DefaultValueFactory = _ => FaultClasses.NetworkLoss };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same incident", DefaultValueFactory = _ => 7 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to write the report files", DefaultValueFactory = _ => new DirectoryInfo("rootcause-demo") };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of Markdown" };
        var faultTrees = CliFaultTrees.Option();
        var command = new Command("demo", "Simulate an incident and analyse it end to end through the service host") { services, fault, seed, output, json, faultTrees };
        command.SetAction(async (parse, cancellationToken) =>
        {
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
}
