using RootCause.Analysis.FaultTrees;

namespace RootCause.Analysis.Tests.Scenarios;

/// <summary>The fault trees shipped in fault-trees/, as the tests' build output carries them.</summary>
internal static class ShippedFaultTrees
{
    private static readonly Lazy<FaultTreeSet> Loaded = new(() =>
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "fault-trees");
        var files = Directory.EnumerateFiles(directory, "*.yaml")
            .Where(p => !FaultTreeExampleRunner.IsExamplesFile(p))
            .Order(StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p)));
        var result = FaultTreeSet.Parse(files);
        return result.Succeeded ? result.Set : throw new InvalidOperationException(string.Join('\n', result.Errors));
    });

    public static FaultTreeSet Set => Loaded.Value;
}
