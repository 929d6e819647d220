namespace RootCause.Evaluation.Nab;

/// <summary>Reads <c>labels/combined_windows.json</c>: <c>{ "category/file.csv": [["start", "end"], ...] }</c>.</summary>
public static class NabLabelReader
{
    public static IReadOnlyDictionary<string, IReadOnlyList<NabWindow>> Read(string file)
    {
        var root = LinedJson.Parse(file);
        root.RequireKind(file, System.Text.Json.JsonValueKind.Object, "an object of files");
        var labels = new Dictionary<string, IReadOnlyList<NabWindow>>(StringComparer.Ordinal);
        foreach (var (name, windows) in root.Members)
        {
            windows.RequireKind(file, System.Text.Json.JsonValueKind.Array, "an array of windows");
            var list = new List<NabWindow>();
            foreach (var pair in windows.Items)
            {
                pair.RequireKind(file, System.Text.Json.JsonValueKind.Array, "a [start, end] pair");
                if (pair.Items.Count != 2)
                {
                    throw new DatasetFormatException(file, pair.Line, $"a window has {pair.Items.Count} timestamps, expected 2");
                }

                var start = Timestamp(file, pair.Items[0]);
                var end = Timestamp(file, pair.Items[1]);
                if (end < start)
                {
                    throw new DatasetFormatException(file, pair.Line, "window ends before it starts");
                }

                if (list.Count > 0 && start <= list[^1].End)
                {
                    throw new DatasetFormatException(file, pair.Line, "windows overlap or are out of order");
                }

                list.Add(new NabWindow(start, end));
            }

            labels[name] = list;
        }

        return labels;
    }

    private static DateTime Timestamp(string file, LinedJson node)
    {
        var text = node.AsString(file);
        return NabTimestamp.TryParse(text, out var value)
            ? value
            : throw new DatasetFormatException(file, node.Line, $"\"{text}\" is not a timestamp (yyyy-MM-dd HH:mm:ss[.ffffff])");
    }
}
