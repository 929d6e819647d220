using RootCause.Analysis.FaultTrees;

namespace RootCause.Evaluation.Tests;

/// <summary>The repository's fault trees (fault-trees/*.yaml, copied next to the test assembly), as `rootcause` loads them.</summary>
internal static class ShippedFaultTrees
{
    public static FaultTreeSet Load()
    {
        var files = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "fault-trees"), "*.yaml")
            .Where(p => !FaultTreeExampleRunner.IsExamplesFile(p))
            .Order(StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p)));
        var parsed = FaultTreeSet.Parse(files);
        return parsed.Succeeded ? parsed.Set : throw new InvalidOperationException(string.Join('\n', parsed.Errors));
    }
}
