using System.Text.Json;

namespace RootCause.Evaluation;

/// <summary>
/// A parsed JSON value that remembers its line, so that a value of the wrong type or shape can be reported
/// as file:line (System.Text.Json's DOM forgets positions once parsing succeeded).
/// </summary>
internal sealed class LinedJson
{
    private LinedJson(JsonValueKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public JsonValueKind Kind { get; }

    public int Line { get; }

    public string? Text { get; private init; }

    public double Number { get; private init; }

    /// <summary>Object members in file order; duplicate names are rejected while parsing.</summary>
    public IReadOnlyList<KeyValuePair<string, LinedJson>> Members { get; private init; } = [];

    public IReadOnlyList<LinedJson> Items { get; private init; } = [];

    public static LinedJson Parse(string file)
    {
        var bytes = StrictText.ReadBytes(file);

        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        try
        {
            if (!reader.Read())
            {
                throw new DatasetFormatException(file, 0, "empty file");
            }

            var root = ReadValue(ref reader, file, lineStarts);
            if (reader.Read())
            {
                throw new DatasetFormatException(file, LineOf(lineStarts, reader.TokenStartIndex), "unexpected content after the top-level value");
            }

            return root;
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(file, (int)(e.LineNumber ?? -1) + 1, $"invalid JSON: {e.Message}");
        }
    }

    /// <summary>The member named <paramref name="name"/>, or a file:line error when absent or not an object.</summary>
    public LinedJson Member(string file, string name)
    {
        RequireKind(file, JsonValueKind.Object, "an object");
        foreach (var (key, value) in Members)
        {
            if (key == name)
            {
                return value;
            }
        }

        throw new DatasetFormatException(file, Line, $"missing member \"{name}\"");
    }

    public string AsString(string file)
    {
        RequireKind(file, JsonValueKind.String, "a string");
        return Text!;
    }

    public double AsFiniteNumber(string file)
    {
        RequireKind(file, JsonValueKind.Number, "a number");
        if (!double.IsFinite(Number))
        {
            throw new DatasetFormatException(file, Line, "number out of range");
        }

        return Number;
    }

    public void RequireKind(string file, JsonValueKind kind, string what)
    {
        if (Kind != kind)
        {
            throw new DatasetFormatException(file, Line, $"expected {what}, found {Describe(Kind)}");
        }
    }

    private static LinedJson ReadValue(ref Utf8JsonReader reader, string file, List<long> lineStarts)
    {
        var line = LineOf(lineStarts, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<KeyValuePair<string, LinedJson>>();
                var names = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    if (!names.Add(name))
                    {
                        throw new DatasetFormatException(file, LineOf(lineStarts, reader.TokenStartIndex), $"duplicate member \"{name}\"");
                    }

                    reader.Read();
                    members.Add(new(name, ReadValue(ref reader, file, lineStarts)));
                }

                return new LinedJson(JsonValueKind.Object, line) { Members = members };
            case JsonTokenType.StartArray:
                var items = new List<LinedJson>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, file, lineStarts));
                }

                return new LinedJson(JsonValueKind.Array, line) { Items = items };
            case JsonTokenType.String:
                return new LinedJson(JsonValueKind.String, line) { Text = reader.GetString() };
            case JsonTokenType.Number:
                // Out-of-range literals (1e999) become infinities that AsFiniteNumber rejects with the line.
                return new LinedJson(JsonValueKind.Number, line) { Number = reader.TryGetDouble(out var d) ? d : double.PositiveInfinity };
            case JsonTokenType.True:
                return new LinedJson(JsonValueKind.True, line);
            case JsonTokenType.False:
                return new LinedJson(JsonValueKind.False, line);
            default:
                return new LinedJson(JsonValueKind.Null, line);
        }
    }

    private static List<long> LineStarts(byte[] bytes)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int LineOf(List<long> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
