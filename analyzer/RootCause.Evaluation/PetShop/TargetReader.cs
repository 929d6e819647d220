using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RootCause.Evaluation.PetShop;

/// <summary>
/// Reads target.json strictly: the known fields with the right types, nothing unknown outside "metadata"
/// (reproduction notes we do not use); every error names file:line.
/// </summary>
internal static class TargetReader
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "target", "target.node", "target.metric", "target.agg", "target.timestamp", "root_cause", "root_cause.node", "root_cause.metric", "metadata",
    };

    public static IssueTarget Read(string path)
    {
        var bytes = StrictText.ReadBytes(path);

        return Parse(path, bytes);
    }

    public static IssueTarget Parse(string path, byte[] utf8)
    {
        if (utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        var leaves = Leaves(path, utf8);
        var node = Text(path, leaves, "target.node");
        var metric = Text(path, leaves, "target.metric");
        if (metric is not (MetricColumn.Latency or MetricColumn.Availability))
        {
            throw new DatasetFormatException(path, leaves["target.metric"].Line, $"target.metric '{CsvRecords.Shorten(metric)}' is neither latency nor availability");
        }

        var statistic = Text(path, leaves, "target.agg");
        var timestamp = leaves.TryGetValue("target.timestamp", out var ts) ? ts : throw Missing(path, "target.timestamp");
        if (ts.Kind != JsonTokenType.Number || !double.TryParse(ts.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds != Math.Floor(seconds))
        {
            throw new DatasetFormatException(path, timestamp.Line, $"target.timestamp '{CsvRecords.Shorten(ts.Value)}' is not a unix timestamp in whole seconds");
        }

        var rootCause = Text(path, leaves, "root_cause.node");
        return new IssueTarget(node, metric, statistic, (long)seconds, rootCause);
    }

    private static DatasetFormatException Missing(string path, string field) => new(path, 1, $"{field} is missing");

    private static string Text(string path, Dictionary<string, Leaf> leaves, string field)
    {
        if (!leaves.TryGetValue(field, out var leaf))
        {
            throw Missing(path, field);
        }

        if (leaf.Kind != JsonTokenType.String || string.IsNullOrWhiteSpace(leaf.Value))
        {
            throw new DatasetFormatException(path, leaf.Line, $"{field} must be a non-empty string");
        }

        return leaf.Value;
    }

    /// <summary>Every scalar outside "metadata" by dotted path, with the line it is on.</summary>
    private static Dictionary<string, Leaf> Leaves(string path, byte[] utf8)
    {
        var leaves = new Dictionary<string, Leaf>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new List<string>();
        string? pending = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        var line = 1;
        long counted = 0;
        try
        {
            while (reader.Read())
            {
                for (; counted < reader.TokenStartIndex; counted++)
                {
                    if (utf8[counted] == (byte)'\n')
                    {
                        line++;
                    }
                }

                var inMetadata = stack.Count > 0 && stack[0] == "metadata";
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pending = reader.GetString() ?? "";
                        var full = Join(stack, pending);
                        if (!inMetadata && !Known.Contains(full))
                        {
                            throw new DatasetFormatException(path, line, $"unknown field '{CsvRecords.Shorten(full)}'");
                        }

                        if (!inMetadata && !seen.Add(full))
                        {
                            throw new DatasetFormatException(path, line, $"field '{full}' appears twice");
                        }

                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (reader.CurrentDepth == 0)
                        {
                            if (reader.TokenType != JsonTokenType.StartObject)
                            {
                                throw new DatasetFormatException(path, line, "the document must be a JSON object");
                            }
                        }
                        else
                        {
                            var name = pending ?? "[]";
                            if (!inMetadata && (stack.Count > 0 || name is not ("target" or "root_cause" or "metadata") || reader.TokenType == JsonTokenType.StartArray))
                            {
                                throw new DatasetFormatException(path, line, $"'{Join(stack, name)}' must be a scalar");
                            }

                            stack.Add(name);
                        }

                        pending = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        if (stack.Count > 0 && reader.CurrentDepth > 0)
                        {
                            stack.RemoveAt(stack.Count - 1);
                        }

                        break;
                    default:
                        if (reader.CurrentDepth == 0)
                        {
                            throw new DatasetFormatException(path, line, "the document must be a JSON object");
                        }

                        if (!inMetadata && pending is not null)
                        {
                            var key = Join(stack, pending);
                            if (key is "target" or "root_cause")
                            {
                                throw new DatasetFormatException(path, line, $"'{key}' must be an object");
                            }

                            var value = reader.TokenType == JsonTokenType.String
                                ? reader.GetString() ?? ""
                                : Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
                            leaves[key] = new Leaf(reader.TokenType, value, line);
                        }

                        pending = null;
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(path, (int)(e.LineNumber ?? 0) + 1, $"invalid JSON: {e.Message}");
        }

        return leaves;
    }

    private static string Join(List<string> stack, string name) => stack.Count == 0 ? name : string.Join('.', stack) + "." + name;

    private readonly record struct Leaf(JsonTokenType Kind, string Value, int Line);
}
