using System.CommandLine;
using RootCause.Evaluation;
using RootCause.Evaluation.RiskLoc;

namespace RootCause.Server.Cli;

/// <summary>
/// `rootcause eval riskloc-rs --data ../shared/datasets/riskloc-rs/RS`: our drill-down on the RS set with its
/// protocol, micro-F1 and time per case. The published baselines run beside ours from bench/ (see
/// docs/accuracy.md), which uses the same evaluation.
/// </summary>
internal static class EvalRiskLocCommand
{
    internal static Command Create()
    {
        var data = new Option<string?>("--data")
        {
            Description = "The RS folder (default: $ROOTCAUSE_HOME/../shared/datasets/riskloc-rs/RS)",
        };
        var summary = new Option<bool>("--summary") { Description = "Print only the totals, not one line per case" };
        var command = new Command("riskloc-rs", "Micro-F1 of the drill-down on RS (shaido987/riskloc, data/RS)") { data, summary };
        command.SetAction((parseResult, ct) => Task.FromResult(Run(parseResult.GetValue(data) ?? EvalDatasets.DefaultPath("riskloc-rs", "RS"), parseResult.GetValue(summary), ct)));
        return command;
    }

    private static int Run(string? root, bool summary, CancellationToken cancellationToken)
    {
        if (root is null)
        {
            Console.Error.WriteLine("rootcause eval riskloc-rs: give --data PATH (or set ROOTCAUSE_HOME)");
            return 2;
        }

        IReadOnlyList<RiskLocCase> cases;
        try
        {
            cases = RiskLocDataset.Load(root);
        }
        catch (DatasetFormatException e)
        {
            Console.Error.WriteLine($"rootcause eval riskloc-rs: {e.Message}");
            return 1;
        }

        Console.Error.WriteLine($"rootcause eval riskloc-rs: {cases.Count} cases, {cases.Sum(c => c.Labels.Count)} labels from {root}");
        try
        {
            var (results, scores) = RiskLocEvaluation.Run(cases, [new DrillDownLocaliser()], cancellationToken);
            RiskLocEvaluation.Print(Console.Out, results, scores, perCase: !summary);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("rootcause eval riskloc-rs: cancelled");
            return 130;
        }

        return 0;
    }
}
