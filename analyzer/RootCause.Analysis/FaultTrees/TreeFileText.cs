namespace RootCause.Analysis.FaultTrees;

/// <summary>The text of a tree file that an examples file names under <c>tree_files</c>, or why there is none.</summary>
/// <param name="Text">The file's text; null when it could not be read.</param>
/// <param name="Problem">Why it could not be read ("no such file (fault-trees/00-mine.yaml)"); null when it was.</param>
public sealed record TreeFileText(string? Text, string? Problem)
{
    public static TreeFileText Read(string text) => new(text, null);

    public static TreeFileText Unreadable(string problem) => new(null, problem);

    public static TreeFileText NotFound(string path) => new(null, $"no such file ({path})");
}
