namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// Runs the example-based rule tests: <c>NAME.tests.yaml</c> holds examples for the tree in <c>NAME.yaml</c>
/// (same folder). The tree is tested alone, but loaded with the whole set so it may reach shared classes.
/// The CLI (<c>rootcause fault-trees test</c>) and the test suite both run examples through here.
/// </summary>
public static class FaultTreeExampleRunner
{
    public const string ExamplesSuffix = ".tests.yaml";

    public static bool IsExamplesFile(string path) => path.EndsWith(ExamplesSuffix, StringComparison.Ordinal);

    /// <summary>The tree file whose examples <paramref name="examplesPath"/> holds.</summary>
    public static string TreePathFor(string examplesPath) => examplesPath[..^ExamplesSuffix.Length] + ".yaml";

    public static FaultTreeTestReport Run(IEnumerable<(string Path, string Text)> treeFiles, IEnumerable<(string Path, string Text)> examplesFiles) =>
        Execute(treeFiles, examplesFiles, run: true);

    /// <summary>Validates trees and examples files without running the examples (and without requiring the pairing).</summary>
    public static IReadOnlyList<FaultTreeError> Check(IEnumerable<(string Path, string Text)> treeFiles, IEnumerable<(string Path, string Text)> examplesFiles) =>
        Execute(treeFiles, examplesFiles, run: false).Errors;

    private static FaultTreeTestReport Execute(IEnumerable<(string Path, string Text)> treeFiles, IEnumerable<(string Path, string Text)> examplesFiles, bool run)
    {
        var loaded = FaultTreeSet.Parse(treeFiles);
        var errors = new List<FaultTreeError>(loaded.Errors);
        var results = new List<FaultTreeExampleResult>();
        foreach (var (path, text) in examplesFiles)
        {
            var fileErrors = new List<FaultTreeError>();
            var diagnostics = new FileDiagnostics(path ?? "", fileErrors);
            var set = loaded.Set;
            var examples = FaultTreeExampleReader.Read(diagnostics, text ?? "", set is null ? null : set.IsClass, set?.ClassIds ?? []);
            var tree = set?.TreeFromPath(TreePathFor(path ?? ""));
            if (run && set is not null && tree is null)
            {
                diagnostics.Add(SourceMark.FileStart, $"no tree was loaded from '{TreePathFor(path ?? "")}' to run these examples against");
            }

            errors.AddRange(fileErrors.OrderBy(e => e.Line).ThenBy(e => e.Column));
            if (!run || examples is null || set is null || tree is null)
            {
                continue;
            }

            foreach (var example in examples)
            {
                var actual = set.Classify(tree, example.Evidence);
                results.Add(new FaultTreeExampleResult(path ?? "", example.Start.Line, example.Name, example.Expect, actual, Failure(example, actual)));
            }
        }

        return new FaultTreeTestReport(errors, results);
    }

    private static string? Failure(FaultTreeExample example, Classification actual)
    {
        if (actual.FaultClass != example.Expect)
        {
            return $"expected {example.Expect}, got {actual.FaultClass} (path: {Path(actual.ConditionPath)})";
        }

        if (example.ExpectPath is { } expected && !expected.SequenceEqual(actual.ConditionPath, StringComparer.Ordinal))
        {
            return $"expected path {Path(expected)}, got {Path(actual.ConditionPath)}";
        }

        return null;
    }

    private static string Path(IReadOnlyList<string> path) => path.Count == 0 ? "(none)" : string.Join(" → ", path.Select(p => $"[{p}]"));
}
