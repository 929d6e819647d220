using System.Globalization;
using System.Text;

namespace RootCause.Evaluation.RiskLoc;

/// <summary>
/// Reads RS/anomaly.yaml strictly. The file is a YAML list whose entries have exactly the keys data,
/// timestamp and cause; cause is a flow mapping such as {'bitrate':2000, 'p2p':1} or a flow list of them.
/// Only that subset of YAML is accepted: anything else is an error with file:line, since a mis-read label
/// would silently change every score.
/// </summary>
internal static class AnomalyListReader
{
    public static IReadOnlyList<RiskLocAnomaly> Read(string path) => Parse(path, StrictText.Read(path));

    public static IReadOnlyList<RiskLocAnomaly> Parse(string path, string text)
    {
        var anomalies = new List<RiskLocAnomaly>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        Entry? entry = null;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNo = index + 1;
            var line = lines[index].TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            string body;
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                Finish(path, entry, anomalies, names);
                entry = new Entry(lineNo);
                body = line[2..];
            }
            else if (line.StartsWith("  ", StringComparison.Ordinal) && !char.IsWhiteSpace(line[2]))
            {
                if (entry is null)
                {
                    throw new DatasetFormatException(path, lineNo, "a key outside any list entry");
                }

                body = line[2..];
            }
            else
            {
                throw new DatasetFormatException(path, lineNo, "expected '- data: …' or an indented 'timestamp:'/'cause:' key");
            }

            var colon = body.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new DatasetFormatException(path, lineNo, "expected 'key: value'");
            }

            var key = body[..colon].Trim();
            var value = body[(colon + 1)..].Trim();
            switch (key)
            {
                case "data":
                    entry!.Data = Once(path, lineNo, key, entry.Data, Scalar(path, lineNo, value));
                    break;
                case "timestamp":
                    if (entry!.Timestamp is not null)
                    {
                        throw new DatasetFormatException(path, lineNo, "duplicate key 'timestamp'");
                    }

                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ts))
                    {
                        throw new DatasetFormatException(path, lineNo, $"timestamp '{value}' is not a whole number of seconds");
                    }

                    entry.Timestamp = ts;
                    break;
                case "cause":
                    if (entry!.Causes is not null)
                    {
                        throw new DatasetFormatException(path, lineNo, "duplicate key 'cause'");
                    }

                    entry.Causes = new FlowParser(path, lineNo, value).Causes();
                    break;
                default:
                    throw new DatasetFormatException(path, lineNo, $"unknown key '{key}' (expected data, timestamp, cause)");
            }
        }

        Finish(path, entry, anomalies, names);
        if (anomalies.Count == 0)
        {
            throw new DatasetFormatException(path, 0, "no anomalies listed");
        }

        return anomalies;
    }

    private static string Once(string path, int line, string key, string? current, string value) =>
        current is null ? value : throw new DatasetFormatException(path, line, $"duplicate key '{key}'");

    private static string Scalar(string path, int line, string value)
    {
        if (value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0])
        {
            value = value[1..^1];
        }

        return value.Length > 0 ? value : throw new DatasetFormatException(path, line, "empty value");
    }

    private static void Finish(string path, Entry? entry, List<RiskLocAnomaly> into, HashSet<string> names)
    {
        if (entry is null)
        {
            return;
        }

        if (entry.Data is null || entry.Timestamp is null || entry.Causes is null)
        {
            var missing = entry.Data is null ? "data" : entry.Timestamp is null ? "timestamp" : "cause";
            throw new DatasetFormatException(path, entry.Line, $"entry lacks '{missing}'");
        }

        if (!names.Add(entry.Data))
        {
            throw new DatasetFormatException(path, entry.Line, $"case '{entry.Data}' is listed twice");
        }

        into.Add(new RiskLocAnomaly(entry.Data, entry.Timestamp.Value, entry.Causes, entry.Line));
    }

    private sealed class Entry(int line)
    {
        public int Line { get; } = line;

        public string? Data { get; set; }

        public long? Timestamp { get; set; }

        public IReadOnlyList<IReadOnlyDictionary<string, string>>? Causes { get; set; }
    }

    /// <summary>The flow subset: {k: v, …} or [{…}, …]; keys and values quoted or bare; values kept as their text.</summary>
    private sealed class FlowParser(string path, int line, string text)
    {
        private int _at;

        public List<IReadOnlyDictionary<string, string>> Causes()
        {
            var causes = new List<IReadOnlyDictionary<string, string>>();
            SkipSpace();
            if (Peek() == '[')
            {
                _at++;
                do
                {
                    causes.Add(Map());
                }
                while (Accept(','));

                Expect(']');
            }
            else
            {
                causes.Add(Map());
            }

            SkipSpace();
            if (_at != text.Length)
            {
                throw Error($"unexpected '{text[_at..]}' after the cause");
            }

            // Labels are deduplicated: the same cause listed twice is one root cause.
            var unique = new List<IReadOnlyDictionary<string, string>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var cause in causes)
            {
                if (seen.Add(CauseKey.Of(cause)))
                {
                    unique.Add(cause);
                }
            }

            return unique;
        }

        private Dictionary<string, string> Map()
        {
            Expect('{');
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            do
            {
                var key = Atom();
                Expect(':');
                var value = Atom();
                if (!map.TryAdd(key, value))
                {
                    throw Error($"attribute '{key}' appears twice in one cause");
                }
            }
            while (Accept(','));

            Expect('}');
            return map;
        }

        private string Atom()
        {
            SkipSpace();
            if (_at >= text.Length)
            {
                throw Error("the cause ends too early");
            }

            var quote = text[_at];
            if (quote is '\'' or '"')
            {
                var end = text.IndexOf(quote, _at + 1);
                if (end < 0)
                {
                    throw Error("unterminated quote");
                }

                var quoted = text[(_at + 1)..end];
                _at = end + 1;
                return quoted.Length > 0 ? quoted : throw Error("empty attribute or value");
            }

            var bare = new StringBuilder();
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] is '_' or '-' or '.' or '+'))
            {
                bare.Append(text[_at++]);
            }

            return bare.Length > 0 ? bare.ToString() : throw Error($"unexpected '{text[_at]}'");
        }

        private bool Accept(char c)
        {
            SkipSpace();
            if (Peek() != c)
            {
                return false;
            }

            _at++;
            return true;
        }

        private void Expect(char c)
        {
            if (!Accept(c))
            {
                throw Error(_at < text.Length ? $"expected '{c}' but found '{text[_at]}'" : $"expected '{c}' but the cause ended");
            }
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private void SkipSpace()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }

        private DatasetFormatException Error(string problem) => new(path, line, $"cause: {problem}");
    }
}
