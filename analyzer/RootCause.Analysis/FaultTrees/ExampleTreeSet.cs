namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// Loads the set an examples file names under <c>tree_files</c>, in the order listed. Each file is taken
/// from the tree files the caller already gave (so a folder's file is read once) or else through
/// <see cref="ReadTreeFile"/>. A file that cannot be read, or that does not load, is an error at its entry.
/// </summary>
internal static class ExampleTreeSet
{
    /// <summary>The set, or null after reporting why at the entries; the named files' own errors go to <paramref name="treeFileErrors"/>.</summary>
    public static FaultTreeSet? Load(
        IReadOnlyList<NamedTreeFile> named,
        IReadOnlyDictionary<string, (string Path, string Text)> given,
        ReadTreeFile? read,
        FileDiagnostics diagnostics,
        List<FaultTreeError> treeFileErrors)
    {
        var files = new List<(string Path, string Text)>(named.Count);
        var entryOf = new Dictionary<string, NamedTreeFile>(StringComparer.Ordinal);
        var unreadable = false;
        foreach (var entry in named)
        {
            if (given.TryGetValue(entry.Path, out var file))
            {
                files.Add(file);
                entryOf.TryAdd(file.Path, entry);
                continue;
            }

            var text = read is null ? TreeFileText.NotFound(entry.Path) : read(entry.Path);
            if (text.Text is null)
            {
                diagnostics.Add(entry.At, $"tree file '{entry.Entry}' cannot be read: {text.Problem ?? "no reason given"}");
                unreadable = true;
                continue;
            }

            files.Add((entry.Path, text.Text));
            entryOf.TryAdd(entry.Path, entry);
        }

        // Without every file the rest would report classes as unknown that the missing one declares.
        if (unreadable)
        {
            return null;
        }

        var loaded = FaultTreeSet.Parse(files);
        if (loaded.Succeeded)
        {
            return loaded.Set;
        }

        treeFileErrors.AddRange(loaded.Errors);
        foreach (var errors in loaded.Errors.GroupBy(e => e.Path, StringComparer.Ordinal))
        {
            if (entryOf.TryGetValue(errors.Key, out var entry))
            {
                var count = errors.Count();
                diagnostics.Add(entry.At, $"tree file '{entry.Entry}' does not load ({count} error{(count == 1 ? "" : "s")} in {errors.Key})");
            }
        }

        return null;
    }
}
