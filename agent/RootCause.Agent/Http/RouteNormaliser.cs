using System.Text;

namespace RootCause.Agent.Http;

/// <summary>
/// Turns a request target into a low-cardinality route: query and fragment dropped, absolute form reduced to
/// its path, identifiers (numbers, UUIDs, long hex or mixed tokens) replaced by "{id}", depth bounded.
/// </summary>
internal static class RouteNormaliser
{
    private const int MaxSegments = 6;
    private const int MaxSegmentChars = 48;

    public static string Operation(string method, string target) => method + " " + Normalise(target);

    public static string Normalise(string target)
    {
        var path = target.AsSpan();
        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var afterScheme = path[(path.IndexOf("//", StringComparison.Ordinal) + 2)..];
            var slash = afterScheme.IndexOf('/');
            path = slash < 0 ? "/" : afterScheme[slash..];
        }

        var end = path.IndexOfAny('?', '#');
        if (end >= 0)
        {
            path = path[..end];
        }

        if (path.IsEmpty || path[0] != '/')
        {
            return path.SequenceEqual("*") ? "*" : "/{other}";
        }

        var builder = new StringBuilder(path.Length);
        var segments = 0;
        foreach (var range in path[1..].Split('/'))
        {
            var segment = path[1..][range];
            if (segment.IsEmpty)
            {
                continue;
            }

            if (++segments > MaxSegments)
            {
                builder.Append("/…");
                break;
            }

            builder.Append('/');
            if (IsIdentifier(segment))
            {
                builder.Append("{id}");
            }
            else
            {
                builder.Append(segment.Length > MaxSegmentChars ? segment[..MaxSegmentChars] : segment);
            }
        }

        return builder.Length == 0 ? "/" : builder.ToString();
    }

    private static bool IsIdentifier(ReadOnlySpan<char> segment)
    {
        var digits = 0;
        var hex = 0;
        foreach (var c in segment)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }

            if (char.IsAsciiHexDigit(c) || c == '-')
            {
                hex++;
            }
        }

        if (digits == segment.Length)
        {
            return true;
        }

        // UUIDs and hashes: long, all hex, with digits in them.
        if (hex == segment.Length && segment.Length >= 8 && digits > 0)
        {
            return true;
        }

        // Tokens mixing many digits into letters (order ids, session keys).
        return segment.Length >= 16 && digits * 3 >= segment.Length;
    }
}
