using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RootCause.Analysis;
using RootCause.Analysis.FaultTrees;
using RootCause.Bundles;
using RootCause.Evaluation;
using RootCause.Evaluation.Nezha;

namespace RootCause.Server.Cli;

/// <summary>
/// `rootcause eval nezha`: scores the analyzer on Nezha's Online Boutique and Train Ticket days (one analysis per
/// injected fault, AC@1/3/5 and Avg@5 per system and fault type) beside the trivial largest-deviation rule.
/// </summary>
internal static class EvalNezhaCommand
{
    internal static Command Create()
    {
        var data = new Option<DirectoryInfo?>("--data")
        {
            Description = "The Nezha dataset folder (default: $ROOTCAUSE_HOME/../shared/datasets/nezha)",
        };
        var json = new Option<bool>("--json") { Description = "Print every result as JSON instead of tables" };
        var faultTrees = CliFaultTrees.Option();
        var bundles = new Option<DirectoryInfo?>("--bundles")
        {
            Description = "Also write every fault as an incident bundle into this directory (for `rootcause analyze --bundle`)",
        };

        var command = new Command("nezha", "AC@1/3/5 and Avg@5 on Nezha's OB and TT days (IntelligentDDS/Nezha rca_data), beside a trivial rule") { data, json, faultTrees, bundles };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var trees = await CliFaultTrees.LoadOrReportAsync(parse.GetValue(faultTrees), "eval nezha").ConfigureAwait(false);
            return trees is null ? 1 : Run(parse.GetValue(data)?.FullName ?? EvalDatasets.DefaultPath("nezha"), parse.GetValue(json), trees, parse.GetValue(bundles), cancellationToken);
        });
        return command;
    }

    private static int Run(string? dataPath, bool asJson, FaultTreeSet trees, DirectoryInfo? bundleDirectory, CancellationToken cancellationToken)
    {
        if (dataPath is null)
        {
            Console.Error.WriteLine("rootcause eval nezha: give --data PATH (or set ROOTCAUSE_HOME)");
            return 2;
        }

        var started = Stopwatch.GetTimestamp();
        NezhaDataset dataset;
        try
        {
            dataset = NezhaDataset.Load(dataPath);
        }
        catch (DatasetFormatException e)
        {
            Console.Error.WriteLine($"rootcause eval nezha: {e.Message}");
            return 1;
        }

        var loaded = Stopwatch.GetElapsedTime(started);
        var analyzer = new RootCauseAnalyzer(trees, NezhaEvaluationSettings.OneMinuteOptions, TimeProvider.System);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rootcause eval nezha: {dataset.Days.Sum(d => d.Faults.Count)} faults from {dataset.Root} (read in {loaded.TotalSeconds:0.0} s)"));
        NezhaEvaluationResult result;
        try
        {
            bundleDirectory?.Create();
            Action<string, IncidentBundle>? writeBundle = bundleDirectory is null
                ? null
                : (id, bundle) => BundleWriter.Write(bundle, Path.Combine(bundleDirectory.FullName, $"nezha-{id}.json.gz"));
            result = new NezhaEvaluator(analyzer, NezhaEvaluationSettings.Default, bundles: writeBundle).Run(dataset, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("rootcause eval nezha: cancelled");
            return 130;
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rootcause eval nezha: done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        Console.Out.Write(asJson ? JsonSerializer.Serialize(result, EvalDatasets.Json) + "\n" : Text(result));
        return 0;
    }

    private static string Text(NezhaEvaluationResult result)
    {
        var o = result.Options;
        var s = result.Settings;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Nezha evaluation: {result.Dataset}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"analyzer options: baseline {o.Baseline}, lookback {o.Lookback}, after {o.After}, min severity {o.MinSeverity}, max root causes {o.MaxRootCauses}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"alert: the entry's latency at the injection time; history {s.History} before the injection's minute (less when the day starts later); windows end before the next injection's minute; trivial rule: {s.TrivialWindow} from the injection");
        sb.AppendLine();
        sb.Append(NezhaScoreTable.ToText(result.Rows));
        var failed = result.Faults.Where(f => f.Error is not null).ToArray();
        if (failed.Length > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{failed.Length} analyses failed; first: {failed[0].Error}");
        }

        sb.AppendLine("per fault (rank of the injected pod's service, ours and trivial; our top-3 services; then our top-3 causes):");
        foreach (var f in result.Faults)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{f.System} {f.Fault.At:yyyy-MM-dd HH:mm:ss} {f.Fault.Pod} {f.Fault.Type} ours={Rank(f.Rank)} trivial={Rank(f.TrivialRank)} top3={string.Join(',', f.Candidates.Take(3))} outcome={f.Outcome?.ToString() ?? "error"} history={f.HistoryIntervals}");
            foreach (var cause in f.TopCauses)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"      {cause}");
            }

            if (f.Trivial.Count > 0)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"      trivial: {f.Trivial[0].Service} ({f.Trivial[0].Series}, {f.Trivial[0].Deviation:0.#} sd)");
            }

            if (f.Error is not null)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"      error: {f.Error}");
            }
        }

        return sb.ToString();
    }

    private static string Rank(int? rank) => rank?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
