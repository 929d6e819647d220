using System.CommandLine;
using System.Globalization;
using System.Text;
using RootCause.Evaluation;
using RootCause.Evaluation.Nab;

namespace RootCause.Server.Cli;

/// <summary>
/// `rootcause eval nab`: runs the streaming detector over the whole Numenta Anomaly Benchmark, scores it with
/// NAB's protocol (one threshold per profile for the corpus) and prints our normalised scores beside the board.
/// </summary>
internal static class EvalNabCommand
{
    private const int BoardRows = 10;

    internal static Command Create()
    {
        var data = new Option<string?>("--data")
        {
            Description = "The NAB dataset folder (default: $ROOTCAUSE_HOME/../shared/datasets/nab)",
        };
        var command = new Command("nab", "NAB normalised scores (standard, reward_low_FP_rate, reward_low_FN_rate) beside the published board") { data };
        command.SetAction((parseResult, ct) => Task.FromResult(Run(parseResult.GetValue(data) ?? EvalDatasets.DefaultPath("nab"))));
        return command;
    }

    private static int Run(string? root)
    {
        if (root is null)
        {
            Console.Error.WriteLine("rootcause eval nab: give --data PATH (or set ROOTCAUSE_HOME)");
            return 2;
        }

        NabCorpus corpus;
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> board;
        try
        {
            corpus = NabCorpus.Load(root);
            board = NabScoreboard.Read(Path.Combine(root, "results", "final_results.json"));
        }
        catch (DatasetFormatException e)
        {
            Console.Error.WriteLine($"rootcause eval nab: {e.Message}");
            return 1;
        }

        var run = NabEvaluation.Run(corpus);
        Console.Out.Write(Text(run, board));
        return 0;
    }

    private static string Text(NabRun run, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> board)
    {
        var profiles = run.Profiles.Select(p => p.Profile.Name).ToList();
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"NAB: {run.Files} files, {run.Rows} rows, detection {run.DetectionTime.TotalSeconds:F1} s");
        sb.AppendLine();
        sb.AppendLine("our detector, per profile (threshold searched over the corpus as NAB does):");
        foreach (var r in run.Profiles)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"  {r.Profile.Name,-20} {r.Normalised,6:F2}  threshold {r.Threshold:G6}  raw {r.Raw:F2}  windows {r.WindowsDetected}/{r.WindowsDetected + r.WindowsMissed}  false-positive rows {r.FalsePositiveRows}");
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"detector",-22}{string.Concat(profiles.Select(p => $"{p,22}"))}");
        var rows = board
            .Where(b => profiles.All(b.Value.ContainsKey))
            .Select(b => (Name: b.Key, Scores: profiles.Select(p => b.Value[p]).ToList()))
            .Append((Name: "RootCause (ours)", Scores: run.Profiles.Select(p => p.Normalised).ToList()))
            .OrderByDescending(r => r.Scores[0])
            .Take(BoardRows + 1);
        foreach (var (name, scores) in rows)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{name,-22}{string.Concat(scores.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s,22:F2}")))}");
        }

        return sb.ToString();
    }
}
