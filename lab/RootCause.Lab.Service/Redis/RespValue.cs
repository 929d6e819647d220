namespace RootCause.Lab.Service.Redis;

/// <summary>
/// One RESP2 reply. An error reply is a value, not an exception: a command the server refused is an answer, and the
/// caller decides what it means. Bulk strings are decoded as UTF-8 (the shop stores only ASCII keys and numbers).
/// </summary>
internal sealed record RespValue(RespKind Kind, string? Text = null, long Integer = 0, IReadOnlyList<RespValue>? Items = null)
{
    public static RespValue Null { get; } = new(RespKind.Null);

    public bool IsError => Kind == RespKind.Error;

    public static RespValue Simple(string text) => new(RespKind.SimpleString, text);

    public static RespValue Error(string text) => new(RespKind.Error, text);

    public static RespValue Number(long value) => new(RespKind.Integer, Integer: value);

    public static RespValue Bulk(string text) => new(RespKind.BulkString, text);

    public static RespValue List(IReadOnlyList<RespValue> items) => new(RespKind.Array, Items: items);

    public override string ToString() => Kind switch
    {
        RespKind.SimpleString => "+" + Text,
        RespKind.Error => "-" + Text,
        RespKind.Integer => ":" + Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RespKind.BulkString => "$" + Text,
        RespKind.Array => "[" + string.Join(", ", Items!) + "]",
        _ => "(nil)",
    };

    // Records compare lists by reference; replies compare by content (tests and pipelines compare whole replies).
    public bool Equals(RespValue? other) =>
        other is not null
        && Kind == other.Kind
        && Text == other.Text
        && Integer == other.Integer
        && (Items ?? []).SequenceEqual(other.Items ?? []);

    public override int GetHashCode() => HashCode.Combine(Kind, Text, Integer, Items?.Count ?? -1);
}
