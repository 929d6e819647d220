namespace RootCause.Evaluation.Nab;

/// <summary>
/// The NAB corpus read strictly from a dataset folder: <c>data/&lt;category&gt;/*.csv</c>, the windows of
/// <c>labels/combined_windows.json</c> (one entry per data file, no more, no less) and the profiles.
/// </summary>
public sealed class NabCorpus
{
    private NabCorpus(string root, IReadOnlyList<NabCorpusFile> files, IReadOnlyList<NabProfile> profiles)
    {
        Root = root;
        Files = files;
        Profiles = profiles;
    }

    public string Root { get; }

    /// <summary>Files in ordinal order of their corpus name.</summary>
    public IReadOnlyList<NabCorpusFile> Files { get; }

    public IReadOnlyList<NabProfile> Profiles { get; }

    public int RowCount => Files.Sum(f => f.Layout.RowCount);

    public static NabCorpus Load(string root)
    {
        var dataDir = Path.Combine(root, "data");
        if (!Directory.Exists(dataDir))
        {
            throw new DatasetFormatException(dataDir, 0, "no such folder (expected the NAB dataset root holding data/, labels/ and config/)");
        }

        var labelFile = Path.Combine(root, "labels", "combined_windows.json");
        var labels = NabLabelReader.Read(labelFile);
        var profiles = NabProfileReader.Read(Path.Combine(root, "config", "profiles.json"));
        var names = Directory.EnumerateFiles(dataDir, "*.csv", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dataDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw new DatasetFormatException(dataDir, 0, "no CSV files");
        }

        foreach (var label in labels.Keys.Where(k => !names.Contains(k, StringComparer.Ordinal)))
        {
            throw new DatasetFormatException(labelFile, 0, $"windows for \"{label}\", which is not a data file");
        }

        var files = new List<NabCorpusFile>(names.Count);
        foreach (var name in names)
        {
            if (!labels.TryGetValue(name, out var windows))
            {
                throw new DatasetFormatException(labelFile, 0, $"no entry for data file \"{name}\"");
            }

            var series = NabCsvReader.Read(Path.Combine(dataDir, name), name, "value");
            files.Add(new NabCorpusFile(series, NabFileLayout.Build(name, series.Timestamps, windows, labelFile)));
        }

        return new NabCorpus(root, files, profiles);
    }

    /// <summary>
    /// A published detector's per-row scores (<c>results/&lt;detector&gt;/&lt;category&gt;/&lt;detector&gt;_&lt;file&gt;</c>,
    /// column <c>anomaly_score</c>), checked row by row against the data file's timestamps.
    /// </summary>
    public IReadOnlyList<double[]> LoadPublishedScores(string detector)
    {
        var all = new List<double[]>(Files.Count);
        foreach (var file in Files)
        {
            var category = Path.GetDirectoryName(file.Series.Name) ?? "";
            var path = Path.Combine(Root, "results", detector, category, $"{detector}_{Path.GetFileName(file.Series.Name)}");
            var published = NabCsvReader.Read(path, file.Series.Name, "anomaly_score");
            if (published.Timestamps.Length != file.Series.Timestamps.Length)
            {
                throw new DatasetFormatException(path, 0, $"{published.Timestamps.Length} rows, the data file has {file.Series.Timestamps.Length}");
            }

            for (var i = 0; i < published.Timestamps.Length; i++)
            {
                if (published.Timestamps[i] != file.Series.Timestamps[i])
                {
                    throw new DatasetFormatException(path, i + 2, "timestamp differs from the data file's row");
                }
            }

            all.Add(published.Values);
        }

        return all;
    }
}
