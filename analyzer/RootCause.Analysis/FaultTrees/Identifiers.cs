namespace RootCause.Analysis.FaultTrees;

/// <summary>Tree names and class ids: lower-case snake_case, so they read the same in YAML, JSON reports and metrics labels.</summary>
internal static class Identifiers
{
    public const int MaxLength = 64;

    public static bool IsValid(string id) =>
        id.Length is > 0 and <= MaxLength && id[0] is >= 'a' and <= 'z' && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    public static string? Read(SourceNode node, string what, FileDiagnostics diagnostics)
    {
        if (ScalarValues.Text(node, what, diagnostics) is not { } id)
        {
            return null;
        }

        if (!IsValid(id))
        {
            diagnostics.Add(node.Start, $"{what} '{id}' must be lower-case snake_case (a-z, 0-9, _), at most {MaxLength} characters");
            return null;
        }

        return id;
    }
}
