using System.Globalization;

namespace RootCause.Analysis.FaultTrees;

/// <summary>Reads typed scalars (text, numbers, names from a fixed vocabulary) and reports wrong types.</summary>
internal static class ScalarValues
{
    public static string? Text(SourceNode node, string what, FileDiagnostics diagnostics)
    {
        if (node is SourceScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
        {
            return scalar.Value;
        }

        diagnostics.Add(node.Start, $"{what} must be non-empty text, not {node.Describe()}");
        return null;
    }

    /// <summary>A finite number written without quotes.</summary>
    public static double? Number(SourceNode node, string what, FileDiagnostics diagnostics)
    {
        if (node is SourceScalar { IsPlain: true } scalar
            && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return value;
        }

        diagnostics.Add(node.Start, $"{what} must be a number, not {node.Describe()}");
        return null;
    }

    /// <summary>One name of a vocabulary, e.g. a direction.</summary>
    public static T? Name<T>(SourceNode node, string what, IReadOnlyDictionary<string, T> known, FileDiagnostics diagnostics)
        where T : struct
    {
        if (node is not SourceScalar { IsNull: false } scalar)
        {
            diagnostics.Add(node.Start, $"{what} must be one of {string.Join(", ", known.Keys)}, not {node.Describe()}");
            return null;
        }

        if (known.TryGetValue(scalar.Value, out var value))
        {
            return value;
        }

        diagnostics.Add(scalar.Start, $"unknown {what} '{scalar.Value}'{HintAndList(scalar.Value, known.Keys)}");
        return null;
    }

    /// <summary>
    /// One name or a list of names (meaning "any of them"). Returns null when any is wrong, after reporting
    /// every wrong one; a name is unknown when <paramref name="known"/> lacks it.
    /// </summary>
    public static IReadOnlyList<(string Name, SourceMark At)>? Names(
        SourceNode node, string what, string plural, IReadOnlyCollection<string> known, FileDiagnostics diagnostics)
    {
        var items = node is SourceSequence sequence ? sequence.Items : [node];
        if (node is SourceSequence { Items.Count: 0 })
        {
            diagnostics.Add(node.Start, $"the list of {plural} must not be empty");
            return null;
        }

        var names = new List<(string, SourceMark)>(items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var item in items)
        {
            if (item is not SourceScalar { IsNull: false } scalar)
            {
                diagnostics.Add(item.Start, $"{what} must be a name or a list of names, not {item.Describe()}");
                ok = false;
            }
            else if (!known.Contains(scalar.Value))
            {
                diagnostics.Add(scalar.Start, $"unknown {what} '{scalar.Value}'{HintAndList(scalar.Value, known)}");
                ok = false;
            }
            else if (!seen.Add(scalar.Value))
            {
                diagnostics.Add(scalar.Start, $"{what} '{scalar.Value}' is listed twice");
                ok = false;
            }
            else
            {
                names.Add((scalar.Value, scalar.Start));
            }
        }

        return ok ? names : null;
    }

    /// <summary>
    /// The nearest name first, since it is usually the fix, then every known name: vocabularies are short
    /// (the longest, the metric catalogue, has under twenty names) and a guess needs the whole list.
    /// </summary>
    private static string HintAndList(string given, IEnumerable<string> known) =>
        $"{Spelling.Hint(given, known)} (known: {string.Join(", ", known)})";
}
