namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// Runs the example-based rule tests. An examples file that names its trees under <c>tree_files</c> runs
/// against exactly that set, in order, as the host would classify with it (so one tree's precedence over
/// another is testable). Otherwise <c>NAME.tests.yaml</c> holds examples for the tree in <c>NAME.yaml</c>
/// (same folder), tested alone but loaded with the whole set so it may reach shared classes.
/// The CLI (<c>rootcause fault-trees test</c>) and the test suite both run examples through here.
/// </summary>
public static class FaultTreeExampleRunner
{
    public const string ExamplesSuffix = ".tests.yaml";

    public static bool IsExamplesFile(string path) => path.EndsWith(ExamplesSuffix, StringComparison.Ordinal);

    /// <summary>The tree file whose examples <paramref name="examplesPath"/> holds when it names no <c>tree_files</c>.</summary>
    public static string TreePathFor(string examplesPath) => examplesPath[..^ExamplesSuffix.Length] + ".yaml";

    /// <summary>
    /// Loads <paramref name="treeFiles"/> as one set and runs every examples file. Files named under
    /// <c>tree_files</c> are taken from <paramref name="treeFiles"/> when given there (by path), else read
    /// through <paramref name="readTreeFile"/>; without it, such a file is not found.
    /// </summary>
    public static FaultTreeTestReport Run(
        IEnumerable<(string Path, string Text)> treeFiles,
        IEnumerable<(string Path, string Text)> examplesFiles,
        ReadTreeFile? readTreeFile = null) =>
        Execute(treeFiles, examplesFiles, readTreeFile, run: true);

    /// <summary>Validates trees and examples files without running the examples (and without requiring the pairing).</summary>
    public static IReadOnlyList<FaultTreeError> Check(
        IEnumerable<(string Path, string Text)> treeFiles,
        IEnumerable<(string Path, string Text)> examplesFiles,
        ReadTreeFile? readTreeFile = null) =>
        Execute(treeFiles, examplesFiles, readTreeFile, run: false).Errors;

    private static FaultTreeTestReport Execute(
        IEnumerable<(string Path, string Text)> treeFiles,
        IEnumerable<(string Path, string Text)> examplesFiles,
        ReadTreeFile? readTreeFile,
        bool run)
    {
        var trees = treeFiles.Select(f => (Path: f.Path ?? "", Text: f.Text ?? "")).ToList();
        var given = new Dictionary<string, (string Path, string Text)>(StringComparer.Ordinal);
        foreach (var file in trees)
        {
            given.TryAdd(TreeFilePaths.Normalize(file.Path), file);
        }

        var loaded = FaultTreeSet.Parse(trees);
        var errors = new List<FaultTreeError>(loaded.Errors);
        var reported = new HashSet<FaultTreeError>(errors);
        var results = new List<FaultTreeExampleResult>();
        foreach (var (examplesPath, text) in examplesFiles)
        {
            var path = examplesPath ?? "";
            var fileErrors = new List<FaultTreeError>();
            var treeFileErrors = new List<FaultTreeError>();
            var diagnostics = new FileDiagnostics(path, fileErrors);
            var file = FaultTreeExampleReader.Read(diagnostics, text ?? "");

            FaultTreeSet? set = null;
            FaultTree? tree = null;
            if (file?.TreeFiles is { } named)
            {
                set = ExampleTreeSet.Load(named, given, readTreeFile, diagnostics, treeFileErrors);
            }
            else if (loaded.Set is { } folder)
            {
                set = folder;
                tree = folder.TreeFromPath(TreePathFor(path));
                if (file is not null && tree is null && run)
                {
                    diagnostics.Add(SourceMark.FileStart, $"no tree was loaded from '{TreePathFor(path)}' to run these examples against; name the files it tests under 'tree_files'");
                }
            }

            if (file is not null && set is not null)
            {
                foreach (var example in file.Examples.Where(e => !set.Classes.IsClass(e.Expect)))
                {
                    diagnostics.Add(example.ExpectAt, set.Classes.Unknown(example.Expect));
                }
            }

            errors.AddRange(fileErrors.OrderBy(e => e.Line).ThenBy(e => e.Column));
            errors.AddRange(treeFileErrors.Where(reported.Add));
            if (!run || file is null || set is null || diagnostics.HasErrors)
            {
                continue;
            }

            foreach (var example in file.Examples)
            {
                var actual = tree is null ? set.Classify(example.Evidence) : set.Classify(tree, example.Evidence);
                results.Add(new FaultTreeExampleResult(path, example.Start.Line, example.Name, example.Expect, actual, Failure(example, actual)));
            }
        }

        return new FaultTreeTestReport(errors, results);
    }

    private static string? Failure(FaultTreeExample example, Classification actual)
    {
        if (actual.FaultClass != example.Expect)
        {
            var from = actual.Tree.Length > 0 ? $" from tree '{actual.Tree}'" : "";
            return $"expected {example.Expect}, got {actual.FaultClass}{from} (path: {Path(actual.ConditionPath)})";
        }

        if (example.ExpectPath is { } expected && !expected.SequenceEqual(actual.ConditionPath, StringComparer.Ordinal))
        {
            return $"expected path {Path(expected)}, got {Path(actual.ConditionPath)}";
        }

        return null;
    }

    private static string Path(IReadOnlyList<string> path) => path.Count == 0 ? "(none)" : string.Join(" → ", path.Select(p => $"[{p}]"));
}
