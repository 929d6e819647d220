using RootCause.Evaluation.RiskLoc;

namespace RootCause.Benchmarks.DrillDown;

/// <summary>
/// `dotnet run -c Release --project bench/RootCause.Benchmarks -- drilldown-compare --data DIR [--summary]`:
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
                default:
                    Console.Error.WriteLine($"{Verb}: unknown argument '{args[i]}' (usage: {Verb} --data RS_FOLDER [--summary])");
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
        catch (RiskLocFormatException e)
        {
            Console.Error.WriteLine($"{Verb}: {e.Message}");
            return 1;
        }

        Console.Error.WriteLine($"{Verb}: {cases.Count} cases, {cases.Sum(c => c.Labels.Count)} labels from {data}");
        IRootCauseLocaliser[] localisers = [new DrillDownLocaliser(), new AdtributorLocaliser(), new SqueezeLocaliser(), new NaiveLocaliser()];
        var (results, scores) = RiskLocEvaluation.Run(cases, localisers);
        RiskLocEvaluation.Print(Console.Out, results, scores, perCase: !summary);
        return 0;
    }
}
