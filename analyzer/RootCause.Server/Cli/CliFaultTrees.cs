using System.CommandLine;
using RootCause.Analysis.FaultTrees;
using RootCause.Server.Hosting;

namespace RootCause.Server.Cli;

/// <summary>
/// The fault-tree files of the CLI: loads the trees for a verb (or prints every error, file:line:column, and
/// says why it stops), and reads tree and examples files from disk for `rootcause fault-trees`.
/// </summary>
internal static class CliFaultTrees
{
    // Four bytes per character at most in UTF-8; the parser applies the exact character limit.
    private const long YamlLimit = 4L * 1024 * 1024;

    public static async Task<FaultTreeSet?> LoadOrReportAsync(DirectoryInfo? directory, string verb)
    {
        var path = directory?.FullName ?? FaultTreeDirectory.Default();
        var loaded = FaultTreeDirectory.Load(path);
        if (loaded.Succeeded)
        {
            return loaded.Set;
        }

        await Console.Error.WriteLineAsync($"rootcause {verb}: the fault trees in {path} do not load:").ConfigureAwait(false);
        foreach (var error in loaded.Errors)
        {
            await Console.Error.WriteLineAsync(error.ToString()).ConfigureAwait(false);
        }

        return null;
    }

    public static Option<DirectoryInfo?> Option() => new("--fault-trees")
    {
        Description = "Fault-tree directory (default: $ROOTCAUSE_HOME/fault-trees, else fault-trees beside the binary)",
    };

    /// <summary>The tree files of a directory as the host loads them: every *.yaml and *.yml below it except examples, ordinal by path.</summary>
    public static IReadOnlyList<string> TreeFilesIn(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(p => (p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal)) && !FaultTreeExampleRunner.IsExamplesFile(p))
            .Order(StringComparer.Ordinal)];

    /// <summary>Reads every file; one that is too large or unreadable is an error at its line 1, column 1 instead.</summary>
    public static (List<(string Path, string Text)> Texts, List<FaultTreeError> Errors) ReadAll(IEnumerable<string> paths)
    {
        var texts = new List<(string, string)>();
        var errors = new List<FaultTreeError>();
        foreach (var path in paths)
        {
            var read = ReadTreeFile(path);
            if (read.Text is { } text)
            {
                texts.Add((path, text));
            }
            else
            {
                errors.Add(new FaultTreeError(path, 1, 1, read.Problem ?? "cannot read"));
            }
        }

        return (texts, errors);
    }

    /// <summary>
    /// One file from disk, bounded like the parser's own limit. The bytes read are counted, not the length
    /// the file claims: <c>tree_files</c> comes from a file too and may name <c>/dev/zero</c>.
    /// </summary>
    public static TreeFileText ReadTreeFile(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return TreeFileText.NotFound(path);
            }

            using var file = File.OpenRead(path);
            using var bounded = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int count;
            while ((count = file.Read(buffer)) > 0)
            {
                if (bounded.Length + count > YamlLimit)
                {
                    return TreeFileText.Unreadable($"file is larger than the limit of {YamlLimit} bytes");
                }

                bounded.Write(buffer, 0, count);
            }

            bounded.Position = 0;
            using var text = new StreamReader(bounded, detectEncodingFromByteOrderMarks: true);
            return TreeFileText.Read(text.ReadToEnd());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TreeFileText.Unreadable("cannot read: " + e.Message);
        }
    }
}
