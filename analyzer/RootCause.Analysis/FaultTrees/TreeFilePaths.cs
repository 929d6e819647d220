namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// Resolves <c>tree_files</c> entries against the examples file that names them, by the text of the paths
/// alone (the core does no I/O), so "./a.yaml" and "sub/../a.yaml" name the same file as "a.yaml".
/// </summary>
internal static class TreeFilePaths
{
    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>The entry relative to the examples file's folder (an absolute entry as it is), normalized.</summary>
    public static string Resolve(string examplesPath, string entry) =>
        Normalize(Path.IsPathRooted(entry) ? entry : Path.Combine(Path.GetDirectoryName(examplesPath) ?? "", entry));

    /// <summary>Drops "." segments and folds "dir/.." away; a ".." that climbs above a relative path stays.</summary>
    public static string Normalize(string path)
    {
        var root = Path.GetPathRoot(path) ?? "";
        var segments = new List<string>();
        foreach (var segment in path[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".." || root.Length == 0)
            {
                segments.Add(segment);
            }
        }

        return root + string.Join(Path.DirectorySeparatorChar, segments);
    }
}
