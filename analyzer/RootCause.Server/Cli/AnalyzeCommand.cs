using System.CommandLine;
using RootCause.Analysis;
using RootCause.Bundles;
using RootCause.Contracts;
using RootCause.Server.Reports;

namespace RootCause.Server.Cli;

/// <summary>`rootcause analyze --bundle PATH`: analyses a recorded incident offline and prints the report.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var bundle = new Option<FileInfo>("--bundle") { Description = "Incident bundle (.json or .json.gz; see docs/bundle-format.md)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of Markdown" };
        var markdown = new Option<FileInfo?>("--markdown") { Description = "Also write the report as Markdown to this file" };
        var html = new Option<FileInfo?>("--html") { Description = "Also write the report as an HTML page to this file" };
        var defaults = new AnalyzerOptions();
        var baseline = new Option<double>("--baseline") { Description = "Minutes of baseline before the incident window", DefaultValueFactory = _ => defaults.Baseline.TotalMinutes };
        var lookback = new Option<double>("--lookback") { Description = "Minutes before the alert in which a deviation may start", DefaultValueFactory = _ => defaults.Lookback.TotalMinutes };
        var after = new Option<double>("--after") { Description = "Minutes after the alert still analysed", DefaultValueFactory = _ => defaults.After.TotalMinutes };
        var faultTrees = CliFaultTrees.Option();
        var command = new Command("analyze", "Analyse a recorded incident bundle offline") { bundle, json, markdown, html, baseline, lookback, after, faultTrees };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IncidentBundle incident;
            try
            {
                incident = BundleReader.Read(parse.GetValue(bundle)!.FullName);
            }
            catch (BundleFormatException e)
            {
                await Console.Error.WriteLineAsync($"rootcause analyze: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            var trees = await CliFaultTrees.LoadOrReportAsync(parse.GetValue(faultTrees), "analyze").ConfigureAwait(false);
            if (trees is null)
            {
                return 1;
            }

            var options = defaults with
            {
                Baseline = TimeSpan.FromMinutes(parse.GetValue(baseline)),
                Lookback = TimeSpan.FromMinutes(parse.GetValue(lookback)),
                After = TimeSpan.FromMinutes(parse.GetValue(after)),
            };
            var report = new RootCauseAnalyzer(trees, options, TimeProvider.System)
                .Analyze(Guid.NewGuid(), incident.Alert, incident.ToSnapshot());
            await WriteAsync(parse.GetValue(markdown), ReportMarkdown.Render(report), cancellationToken).ConfigureAwait(false);
            await WriteAsync(parse.GetValue(html), ReportHtml.Render(report), cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(parse.GetValue(json) ? ReportJson.Serialize(report, indented: true) : ReportMarkdown.Render(report)).ConfigureAwait(false);
            if (!parse.GetValue(json) && incident.Truth is { } truth)
            {
                await Console.Out.WriteLineAsync(TruthLine(truth, report)).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary>How the report compares with the bundle's ground truth, which the analyzer never saw.</summary>
    internal static string TruthLine(GroundTruth truth, RootCauseReport report)
    {
        // Datasets that name only the culprit (PetShop) record the class as "unknown".
        var classKnown = truth.FaultClass != "unknown";
        var match = report.RootCauses.FirstOrDefault(c => c.Entity == truth.Entity);
        var verdict = match is null
            ? "not among the ranked causes"
            : $"ranked {match.Rank} as {match.FaultClass}{(!classKnown || match.FaultClass == truth.FaultClass ? "" : $" (truth: {truth.FaultClass})")}";
        return $"Ground truth (kept from the analyzer): {truth.Entity}{(classKnown ? " " + truth.FaultClass : "")}: {verdict}.";
    }

    private static async Task WriteAsync(FileInfo? file, string text, CancellationToken cancellationToken)
    {
        if (file is not null)
        {
            await File.WriteAllTextAsync(file.FullName, text, cancellationToken).ConfigureAwait(false);
        }
    }
}
