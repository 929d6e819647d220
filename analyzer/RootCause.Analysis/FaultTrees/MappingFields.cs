namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// Reads one mapping of a known shape: reports keys it does not know (with a suggestion) and required keys
/// that are missing. A missing key that an unknown key was suggested for is not reported twice.
/// </summary>
internal sealed class MappingFields
{
    private readonly Dictionary<string, SourceEntry> byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> suggested = new(StringComparer.Ordinal);
    private readonly string what;
    private readonly FileDiagnostics diagnostics;

    private MappingFields(SourceMapping mapping, string what, IReadOnlyCollection<string> keys, FileDiagnostics diagnostics)
    {
        Mapping = mapping;
        this.what = what;
        this.diagnostics = diagnostics;
        foreach (var entry in mapping.Entries)
        {
            if (keys.Contains(entry.Key.Value))
            {
                byKey.Add(entry.Key.Value, entry);
                continue;
            }

            var nearest = Spelling.Nearest(entry.Key.Value, keys);
            if (nearest is not null)
            {
                suggested.Add(nearest);
            }

            var hint = nearest is null ? $" (known keys: {string.Join(", ", keys)})" : $"; did you mean '{nearest}'?";
            diagnostics.Add(entry.Key.Start, $"unknown key '{entry.Key.Value}' in {what}{hint}");
        }
    }

    public SourceMapping Mapping { get; }

    /// <summary>Reads <paramref name="node"/> as a mapping with the given keys; null (with an error) when it is not a mapping.</summary>
    public static MappingFields? Read(SourceNode node, string what, IReadOnlyCollection<string> keys, FileDiagnostics diagnostics)
    {
        if (node is SourceMapping mapping)
        {
            return new MappingFields(mapping, what, keys, diagnostics);
        }

        diagnostics.Add(node.Start, $"{what} must be a mapping, not {node.Describe()}");
        return null;
    }

    public SourceEntry? Optional(string key) => byKey.GetValueOrDefault(key);

    public SourceEntry? Required(string key)
    {
        var entry = Optional(key);
        if (entry is null && !suggested.Contains(key))
        {
            diagnostics.Add(Mapping.Start, $"{what} is missing the required key '{key}'");
        }

        return entry;
    }

    /// <summary>True when the key was misspelt; the caller should not report it missing in other words either.</summary>
    public bool WasSuggested(string key) => suggested.Contains(key);
}
