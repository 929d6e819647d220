namespace RootCause.Analysis.FaultTrees;

/// <summary>"Did you mean" suggestions: the nearest known name within a small edit distance.</summary>
internal static class Spelling
{
    /// <summary>Returns <c>"; did you mean 'x'?"</c> or an empty string when nothing is close.</summary>
    public static string Hint(string given, IEnumerable<string> known) =>
        Nearest(given, known) is { } nearest ? $"; did you mean '{nearest}'?" : "";

    public static string? Nearest(string given, IEnumerable<string> known) => NearMatches(given, known, 1) is [var nearest] ? nearest : null;

    /// <summary>Up to <paramref name="limit"/> known names close to <paramref name="given"/>, nearest first (ties in the order known).</summary>
    public static IReadOnlyList<string> NearMatches(string given, IEnumerable<string> known, int limit)
    {
        // One edit per three characters, at least one and at most three: "metirc" finds "metric",
        // "cpu" does not find "oom".
        var allowed = Math.Clamp(given.Length / 3, 1, 3);
        var lower = given.ToLowerInvariant();
        return [.. known
            .Select((name, index) => (Name: name, Index: index, Distance: Distance(lower, name)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Index)
            .Take(limit)
            .Select(c => c.Name)];
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
