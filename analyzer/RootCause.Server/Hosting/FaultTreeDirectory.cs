using RootCause.Analysis.FaultTrees;

namespace RootCause.Server.Hosting;

/// <summary>Loads the fault trees of a directory (every *.yaml except the *.tests.yaml example files), or says why they do not load.</summary>
public static class FaultTreeDirectory
{
    public const string EnvironmentVariable = "ROOTCAUSE_HOME";

    /// <summary>A tree file larger than this is refused unread; real trees are a few KiB.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>$ROOTCAUSE_HOME/fault-trees when the variable is set, else fault-trees beside the binary.</summary>
    public static string Default()
    {
        var home = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Path.Combine(string.IsNullOrWhiteSpace(home) ? AppContext.BaseDirectory : home, "fault-trees");
    }

    /// <summary>The set, or every error as "file:line:column: message".</summary>
    public static FaultTreeParseResult Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            return new FaultTreeParseResult(null, [new FaultTreeError(directory, 1, 1, "the fault-tree directory does not exist")]);
        }

        var files = new List<(string Path, string Text)>();
        var errors = new List<FaultTreeError>();
        var paths = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(p => (p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal)) && !FaultTreeExampleRunner.IsExamplesFile(p))
            .Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                errors.Add(new FaultTreeError(path, 1, 1, $"the file is {length} bytes; fault-tree files may have at most {MaxFileBytes}"));
                continue;
            }

            files.Add((path, File.ReadAllText(path)));
        }

        if (files.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FaultTreeError(directory, 1, 1, "the directory holds no fault-tree files (*.yaml)"));
        }

        if (errors.Count > 0)
        {
            return new FaultTreeParseResult(null, errors);
        }

        return FaultTreeSet.Parse(files);
    }
}
