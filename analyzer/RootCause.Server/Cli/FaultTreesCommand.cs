using System.CommandLine;
using RootCause.Analysis.FaultTrees;

namespace RootCause.Server.Cli;

/// <summary>
/// `rootcause fault-trees test|check`: runs the example-based rule tests and validates tree files. The core
/// parses (path, text) pairs; reading the files is this layer's job.
/// </summary>
internal static class FaultTreesCommand
{
    public static Command Create()
    {
        var dir = new Option<string>("--dir")
        {
            Description = "Folder of *.yaml trees and their *.tests.yaml examples (default: $ROOTCAUSE_HOME/fault-trees, else fault-trees/ beside the binary)",
        };
        var test = new Command("test", "Run every *.tests.yaml example against its tree; exit 1 on any failure or load error") { dir };
        test.SetAction(parseResult => Test(parseResult.GetValue(dir) ?? DefaultDirectory(), parseResult.InvocationConfiguration));

        var files = new Argument<string[]>("FILE")
        {
            Description = "Tree files (and *.tests.yaml example files) checked together as one set",
            Arity = ArgumentArity.OneOrMore,
        };
        var check = new Command("check", "Validate fault-tree files strictly; print errors as file:line:column: message, exit 1 on errors") { files };
        check.SetAction(parseResult => Check(parseResult.GetValue(files) ?? [], parseResult.InvocationConfiguration));

        return new Command("fault-trees", "Validate and test the fault trees that classify root causes") { test, check };
    }

    /// <summary>Where the shipped trees are: the checkout when run through ./rootcause, else beside the binary.</summary>
    public static string DefaultDirectory() =>
        Environment.GetEnvironmentVariable("ROOTCAUSE_HOME") is { Length: > 0 } home
            ? Path.Combine(home, "fault-trees")
            : Path.Combine(AppContext.BaseDirectory, "fault-trees");

    private static int Test(string directory, InvocationConfiguration console)
    {
        if (!Directory.Exists(directory))
        {
            console.Error.WriteLine($"{directory}: no such directory");
            return 1;
        }

        var paths = Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var (texts, readErrors) = ReadAll(paths);
        var examples = texts.Where(f => FaultTreeExampleRunner.IsExamplesFile(f.Path)).ToList();
        if (examples.Count == 0 && readErrors.Count == 0)
        {
            console.Error.WriteLine($"{directory}: no *{FaultTreeExampleRunner.ExamplesSuffix} files to run");
            return 1;
        }

        var report = FaultTreeExampleRunner.Run(texts.Where(f => !FaultTreeExampleRunner.IsExamplesFile(f.Path)), examples);
        foreach (var result in report.Results)
        {
            console.Output.WriteLine(result.Passed
                ? $"PASS {result.Path}:{result.Line}: {result.Name}"
                : $"FAIL {result.Path}:{result.Line}: {result.Name}: {result.Failure}");
        }

        foreach (var error in readErrors.Concat(report.Errors.Select(e => e.ToString())))
        {
            console.Error.WriteLine(error);
        }

        console.Output.WriteLine($"{report.Passed} passed, {report.Failed} failed");
        return report.Failed == 0 && report.Errors.Count == 0 && readErrors.Count == 0 ? 0 : 1;
    }

    private static int Check(string[] paths, InvocationConfiguration console)
    {
        var (texts, readErrors) = ReadAll(paths);
        var errors = FaultTreeExampleRunner.Check(
            texts.Where(f => !FaultTreeExampleRunner.IsExamplesFile(f.Path)),
            texts.Where(f => FaultTreeExampleRunner.IsExamplesFile(f.Path)));
        foreach (var error in readErrors.Concat(errors.Select(e => e.ToString())))
        {
            console.Error.WriteLine(error);
        }

        var failed = readErrors.Count + errors.Count;
        if (failed == 0)
        {
            console.Output.WriteLine($"{texts.Count} file(s) OK");
        }

        return failed == 0 ? 0 : 1;
    }

    private static (List<(string Path, string Text)> Texts, List<string> Errors) ReadAll(IEnumerable<string> paths)
    {
        var texts = new List<(string, string)>();
        var errors = new List<string>();
        foreach (var path in paths)
        {
            try
            {
                // Bounded like the parser's own limit, so a huge file is refused before it is read whole.
                if (new FileInfo(path).Length > YamlLimit)
                {
                    errors.Add($"{path}:1:1: file is larger than the limit of {YamlLimit} bytes");
                    continue;
                }

                texts.Add((path, File.ReadAllText(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{path}: cannot read: {e.Message}");
            }
        }

        return (texts, errors);
    }

    // Four bytes per character at most in UTF-8; the parser applies the exact character limit.
    private const long YamlLimit = 4L * 1024 * 1024;
}
