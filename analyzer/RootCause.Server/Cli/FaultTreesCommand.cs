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
        var test = new Command("test", "Run every *.tests.yaml example against its tree (or its tree_files); exit 1 on any failure or file that does not load") { dir };
        test.SetAction(parseResult => Test(parseResult.GetValue(dir) ?? DefaultDirectory(), parseResult.InvocationConfiguration));

        var files = new Argument<string[]>("FILE")
        {
            Description = "Tree files (and *.tests.yaml example files) checked together as one set",
            Arity = ArgumentArity.OneOrMore,
        };
        var with = new Option<string[]>("--with")
        {
            Description = "Tree files (a FILE, or a DIR as the host loads it) the checked files join; repeatable. "
                + "Default: the shipped trees ($ROOTCAUSE_HOME/fault-trees, else fault-trees/ beside the binary). "
                + "A checked file stands in for the context file of the same name",
        };
        var check = new Command("check", "Validate fault-tree files strictly, in the set they join; print errors as file:line:column: message, exit 1 on errors") { files, with };
        check.SetAction(parseResult => Check(parseResult.GetValue(files) ?? [], parseResult.GetValue(with) ?? [], parseResult.InvocationConfiguration));

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
        var (texts, readErrors) = CliFaultTrees.ReadAll(paths);
        var examples = texts.Where(f => FaultTreeExampleRunner.IsExamplesFile(f.Path)).ToList();
        if (examples.Count == 0 && readErrors.Count == 0)
        {
            console.Error.WriteLine($"{directory}: no *{FaultTreeExampleRunner.ExamplesSuffix} files to run");
            return 1;
        }

        var report = FaultTreeExampleRunner.Run(texts.Where(f => !FaultTreeExampleRunner.IsExamplesFile(f.Path)), examples, CliFaultTrees.ReadTreeFile);
        foreach (var result in report.Results)
        {
            console.Output.WriteLine(result.Passed
                ? $"PASS {result.Path}:{result.Line}: {result.Name}"
                : $"FAIL {result.Path}:{result.Line}: {result.Name}: {result.Failure}");
        }

        var errors = readErrors.Concat(report.Errors).ToList();
        foreach (var error in errors)
        {
            console.Error.WriteLine(error);
        }

        var failedToLoad = FailedToLoad(errors);
        console.Output.WriteLine($"{report.Passed} passed, {report.Failed} failed, {Files(failedToLoad)} failed to load");
        return report.Failed == 0 && failedToLoad == 0 ? 0 : 1;
    }

    private static int Check(string[] paths, string[] with, InvocationConfiguration console)
    {
        var (texts, errors) = CliFaultTrees.ReadAll(paths);
        var trees = texts.Where(f => !FaultTreeExampleRunner.IsExamplesFile(f.Path)).ToList();
        var examples = texts.Where(f => FaultTreeExampleRunner.IsExamplesFile(f.Path)).ToList();

        // The set a checked file joins: the shipped trees unless --with names others. A checked file of the
        // same name stands in for a context file, as it would once copied into that folder.
        var sources = with.Length > 0 ? with : Directory.Exists(DefaultDirectory()) ? [DefaultDirectory()] : [];
        var checkedNames = trees.Select(f => Path.GetFileName(f.Path)).ToHashSet(StringComparer.Ordinal);
        var contextPaths = new List<string>();
        foreach (var source in sources)
        {
            if (Directory.Exists(source))
            {
                contextPaths.AddRange(CliFaultTrees.TreeFilesIn(source));
            }
            else if (File.Exists(source))
            {
                contextPaths.Add(source);
            }
            else
            {
                errors.Add(new FaultTreeError(source, 1, 1, "no such file or directory (given to --with)"));
            }
        }

        var (context, contextErrors) = CliFaultTrees.ReadAll(contextPaths.Where(p => !checkedNames.Contains(Path.GetFileName(p))).Distinct(StringComparer.Ordinal));
        errors.AddRange(contextErrors);

        // Context first, so that a class or tree declared twice is reported in the checked file, not the shipped one.
        errors.AddRange(FaultTreeExampleRunner.Check(context.Concat(trees), examples, CliFaultTrees.ReadTreeFile));
        foreach (var error in errors)
        {
            console.Error.WriteLine(error);
        }

        var failedToLoad = FailedToLoad(errors);
        var joined = context.Count == 0 ? "none" : $"{Files(context.Count)} from {string.Join(", ", sources)}";
        console.Output.WriteLine($"{Files(paths.Length)} checked, {Files(failedToLoad)} failed to load (context: {joined})");
        return failedToLoad == 0 ? 0 : 1;
    }

    private static int FailedToLoad(IEnumerable<FaultTreeError> errors) => errors.Select(e => e.Path).Distinct(StringComparer.Ordinal).Count();

    private static string Files(int count) => count == 1 ? "1 file" : $"{count} files";
}
