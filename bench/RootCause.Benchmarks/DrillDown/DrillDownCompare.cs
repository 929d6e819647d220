using RootCause.Evaluation;
using RootCause.Evaluation.RiskLoc;

namespace RootCause.Benchmarks.DrillDown;

/// <summary>
/// `dotnet run -c Release --project bench/RootCause.Benchmarks -- drilldown-compare --data DIR [--summary] [--sensitivity]`:
/// ours and the baselines on the RS set in one run, with the protocol of <see cref="RiskLocEvaluation"/>.
/// </summary>
public static class DrillDownCompare
{
    public const string Verb = "drilldown-compare";

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? data = null;
        var summary = false;
        var sensitivity = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length:
                    data = args[++i];
                    break;
                case "--summary":
                    summary = true;
                    break;
                case "--sensitivity":
                    sensitivity = true;
                    break;
                default:
                    Console.Error.WriteLine($"{Verb}: unknown argument '{args[i]}' (usage: {Verb} --data RS_FOLDER [--summary] [--sensitivity])");
                    return 2;
            }
        }

        if (data is null)
        {
            Console.Error.WriteLine($"{Verb}: give --data RS_FOLDER");
            return 2;
        }

        IReadOnlyList<RiskLocCase> cases;
        try
        {
            cases = RiskLocDataset.Load(data);
        }
        catch (DatasetFormatException e)
        {
            Console.Error.WriteLine($"{Verb}: {e.Message}");
            return 1;
        }

        Console.Error.WriteLine($"{Verb}: {cases.Count} cases, {cases.Sum(c => c.Labels.Count)} labels from {data}");
        List<IRootCauseLocaliser> localisers = [new DrillDownLocaliser(), new AdtributorLocaliser(), new SqueezeLocaliser(), new NaiveLocaliser()];
        if (sensitivity)
        {
            // Ours with each knob halved and doubled, to show the score is a plateau and not a tuned point.
            var d = Analysis.DrillDown.DrillDownOptions.Default;
            localisers.AddRange(
            [
                new DrillDownLocaliser(d with { LeafEvidenceCap = d.LeafEvidenceCap / 2 }, "cap/2"),
                new DrillDownLocaliser(d with { LeafEvidenceCap = d.LeafEvidenceCap * 2 }, "cap*2"),
                new DrillDownLocaliser(d with { UntouchedLeafCost = d.UntouchedLeafCost / 2 }, "untouched/2"),
                new DrillDownLocaliser(d with { UntouchedLeafCost = d.UntouchedLeafCost * 2 }, "untouched*2"),
                new DrillDownLocaliser(d with { CausePenalty = d.CausePenalty / 2 }, "penalty/2"),
                new DrillDownLocaliser(d with { CausePenalty = d.CausePenalty * 2 }, "penalty*2"),
                new DrillDownLocaliser(d with { RelativeStop = d.RelativeStop / 2 }, "relstop/2"),
                new DrillDownLocaliser(d with { RelativeStop = Math.Min(1, d.RelativeStop * 2) }, "relstop*2"),
                new DrillDownLocaliser(d with { MaxDepth = d.MaxDepth + 1 }, "depth+1"),
                new DrillDownLocaliser(d with { CleanCauseShare = d.CleanCauseShare - 0.2 }, "clean-0.2"),
                new DrillDownLocaliser(d with { CleanCauseShare = d.CleanCauseShare - 0.1 }, "clean-0.1"),
                new DrillDownLocaliser(d with { CleanCauseShare = d.CleanCauseShare + 0.1 }, "clean+0.1"),
            ]);
        }

        var (results, scores) = RiskLocEvaluation.Run(cases, localisers);
        RiskLocEvaluation.Print(Console.Out, results, scores, perCase: !summary);
        return 0;
    }
}
