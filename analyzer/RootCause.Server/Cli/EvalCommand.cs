using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RootCause.Analysis;
using RootCause.Analysis.FaultTrees;
using RootCause.Bundles;
using RootCause.Contracts;
using RootCause.Evaluation;
using RootCause.Evaluation.PetShop;
using RootCause.Evaluation.PetShop.Scoring;

namespace RootCause.Server.Cli;

/// <summary>`rootcause eval petshop`: scores the analyzer on the PetShop dataset with the dataset's own protocol.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo?>("--data")
        {
            Description = "The PetShop dataset folder (default: $ROOTCAUSE_HOME/../shared/datasets/petshop)",
        };
        var json = new Option<bool>("--json") { Description = "Print every result as JSON instead of tables" };
        var faultTrees = CliFaultTrees.Option();
        var temporalNormal = new Option<string>("--temporal-normal")
        {
            Description = "Normal data the temporal scenarios (which have none) borrow as baseline: low_traffic, high_traffic or none",
            DefaultValueFactory = _ => PetShopEvaluationSettings.Default.TemporalNormalFrom ?? "none",
        };
        temporalNormal.AcceptOnlyFromAmong("low_traffic", "high_traffic", "none");
        var bundles = new Option<DirectoryInfo?>("--bundles")
        {
            Description = "Also write every issue as an incident bundle into this directory (for `rootcause analyze --bundle`)",
        };

        var petshop = new Command("petshop", "Top-1/top-3 recall and specificity on PetShop (amazon-science/petshop-root-cause-analysis)") { data, json, faultTrees, temporalNormal, bundles };
        petshop.SetAction(async (parse, cancellationToken) =>
        {
            var trees = await CliFaultTrees.LoadOrReportAsync(parse.GetValue(faultTrees), "eval petshop").ConfigureAwait(false);
            return trees is null ? 1 : Run(
                parse.GetValue(data)?.FullName ?? EvalDatasets.DefaultPath("petshop"),
                parse.GetValue(json),
                trees,
                parse.GetValue(temporalNormal) is "none" ? null : parse.GetValue(temporalNormal),
                parse.GetValue(bundles),
                cancellationToken);
        });
        return new Command("eval", "Evaluate the analyzer on public datasets") { petshop, EvalNabCommand.Create(), EvalRiskLocCommand.Create(), EvalNezhaCommand.Create() };
    }

    private static int Run(string? dataPath, bool asJson, FaultTreeSet trees, string? temporalNormal, DirectoryInfo? bundleDirectory, CancellationToken cancellationToken)
    {
        if (dataPath is null)
        {
            Console.Error.WriteLine("rootcause eval petshop: give --data PATH (or set ROOTCAUSE_HOME)");
            return 2;
        }

        PetShopDataset dataset;
        try
        {
            dataset = PetShopDataset.Load(dataPath);
        }
        catch (DatasetFormatException e)
        {
            Console.Error.WriteLine($"rootcause eval petshop: {e.Message}");
            return 1;
        }

        var options = PetShopEvaluationSettings.FiveMinuteOptions;
        var settings = PetShopEvaluationSettings.Default with { TemporalNormalFrom = temporalNormal };
        var analyzer = new RootCauseAnalyzer(trees, options, TimeProvider.System);
        Console.Error.WriteLine($"rootcause eval petshop: {dataset.Scenarios.Sum(s => s.Issues.Count)} issues from {dataset.Root}");
        PetShopEvaluationResult result;
        try
        {
            bundleDirectory?.Create();
            Action<string, IncidentBundle>? writeBundle = bundleDirectory is null
                ? null
                : (id, bundle) => BundleWriter.Write(bundle, Path.Combine(bundleDirectory.FullName, $"petshop-{id.Replace('/', '-')}.json.gz"));
            result = new PetShopEvaluator(analyzer, settings, bundles: writeBundle).Run(dataset, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("rootcause eval petshop: cancelled");
            return 130;
        }

        Console.Out.Write(asJson ? JsonSerializer.Serialize(result, EvalDatasets.Json) + "\n" : Text(result));
        return 0;
    }

    private static string Text(PetShopEvaluationResult result)
    {
        var o = result.Options;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"PetShop evaluation: {result.Dataset}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"analyzer options: baseline {o.Baseline}, lookback {o.Lookback}, after {o.After}, min severity {o.MinSeverity}, max root causes {o.MaxRootCauses}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"temporal scenarios' baseline: {result.Settings.TemporalNormalFrom ?? "their own rows only"} (the dataset has no temporal normal data); specificity: every {result.Settings.SpecificityEvery} over noissue data");
        sb.AppendLine();
        sb.Append(ScoreTable.ToText(result.Rows));
        var leads = result.Specificity.Count(c => c.Outcome is AnalysisOutcome.NoAnomaly or AnalysisOutcome.NotEnoughHistory && c.RootCauses > 0);
        var leadIssues = result.Issues.Count(i => i.Outcome is AnalysisOutcome.NoAnomaly or AnalysisOutcome.NotEnoughHistory && i.InTop(1));
        sb.AppendLine(CultureInfo.InvariantCulture, $"leads: {leads}/{result.Specificity.Count} analyses of normal data list leads (the alerted KPI normal, deviations around it ranked at half score; counted as specific); {leadIssues} issues have the truth first among leads");
        var failed = result.Issues.Count(i => i.Error is not null) + result.Specificity.Count(c => c.Error is not null);
        if (failed > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{failed} analyses failed; first: {result.Issues.Select(i => i.Error).Concat(result.Specificity.Select(c => c.Error)).First(e => e is not null)}");
        }

        sb.AppendLine();
        sb.AppendLine("per issue (rank of the truth among our services; top-3 causes as reported):");
        foreach (var i in result.Issues)
        {
            var mark = i.InTop(1) ? "top1" : i.InTop(3) ? "top3" : "miss";
            sb.AppendLine(CultureInfo.InvariantCulture, $"{mark} {i.Scenario}/{i.Split}/{i.Issue} {i.TargetNode} {i.Metric} truth={i.Truth} rank={i.TruthRank?.ToString(CultureInfo.InvariantCulture) ?? "-"} outcome={i.Outcome?.ToString() ?? "error"}");
            foreach (var cause in i.TopCauses)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"      {cause}");
            }

            if (i.Error is not null)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"      error: {i.Error}");
            }
        }

        return sb.ToString();
    }
}
