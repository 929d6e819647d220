namespace RootCause.Analysis.Tests.FaultTrees;

/// <summary>Fixture files copied beside the test assembly, named by their path relative to FaultTrees/.</summary>
internal static class Fixtures
{
    public static (string Path, string Text) Read(string relativePath) =>
        (relativePath, File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "FaultTrees", relativePath)));

    public static IEnumerable<string> Names(string pattern) =>
        Directory.EnumerateFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "FaultTrees", "testdata"), pattern)
            .Select(System.IO.Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    /// <summary>The shipped trees and examples, from the repository's fault-trees/ folder.</summary>
    public static IReadOnlyList<(string Path, string Text)> Shipped(string pattern) =>
        [.. Directory.EnumerateFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "fault-trees"), pattern)
            .Order(StringComparer.Ordinal)
            .Select(p => ("fault-trees/" + System.IO.Path.GetFileName(p), File.ReadAllText(p)))];
}
