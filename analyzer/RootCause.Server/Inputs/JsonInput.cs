using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RootCause.Server.Inputs;

/// <summary>Deserialises untrusted JSON with a depth limit and turns every failure into an <see cref="InputError"/> with path, line and column.</summary>
internal static class JsonInput
{
    /// <summary>Far deeper than any payload we accept needs; stops stack-hungry nesting early.</summary>
    public const int MaxDepth = 32;

    /// <summary>For webhooks: unknown members are ignored, since senders add fields between versions.</summary>
    public static JsonSerializerOptions Lenient { get; } = Create(strict: false);

    /// <summary>For our own formats: unknown members, missing constructor parameters and nulls where none are allowed are errors.</summary>
    public static JsonSerializerOptions Strict { get; } = Create(strict: true);

    public static InputResult<T> Deserialize<T>(ReadOnlySpan<byte> utf8, JsonSerializerOptions options)
        where T : class
    {
        if (utf8.IsEmpty)
        {
            return InputResult<T>.Fail("The request body is empty; a JSON document was expected.");
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(utf8, options);
            return value is null
                ? InputResult<T>.Fail("The request body is the JSON literal null; an object or array was expected.", "$")
                : InputResult<T>.Ok(value);
        }
        catch (JsonException ex)
        {
            return InputResult<T>.Fail(Describe(ex));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or DecoderFallbackException)
        {
            // Invalid UTF-8 and a few converter failures surface as these instead of JsonException.
            return InputResult<T>.Fail(new InputError("Invalid request body", "The body is not valid UTF-8 JSON: " + ex.Message));
        }
    }

    public static InputError Describe(JsonException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var reason = Reason(ex.Message);
        var where = new List<string>();
        if (!string.IsNullOrEmpty(ex.Path))
        {
            where.Add("at " + ex.Path);
        }

        long? line = ex.LineNumber is { } l ? l + 1 : null;
        long? column = ex.BytePositionInLine is { } c ? c + 1 : null;
        if (line is not null)
        {
            where.Add($"line {line}, column {column}");
        }

        var detail = where.Count == 0 ? reason : $"{reason} ({string.Join(", ", where)})";
        return new InputError("Invalid request body", detail, ex.Path, line, column);
    }

    // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …"; we report those separately.
    private static string Reason(string message)
    {
        var cut = message.Length;
        foreach (var marker in new[] { " Path:", " LineNumber:", " Path: $" })
        {
            var i = message.IndexOf(marker, StringComparison.Ordinal);
            if (i >= 0 && i < cut)
            {
                cut = i;
            }
        }

        return message[..cut].Trim();
    }

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            MaxDepth = MaxDepth,
            NumberHandling = JsonNumberHandling.Strict,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = strict,
            UnmappedMemberHandling = strict ? JsonUnmappedMemberHandling.Disallow : JsonUnmappedMemberHandling.Skip,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
