using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RootCause.Contracts;

/// <summary>
/// The one JSON wire format of RootCause data: agents' batches (POST /api/v1/batches), incident bundles and
/// the bus share it, so a batch written by the agent or the simulator reads the same everywhere.
/// </summary>
public static class WireJson
{
    /// <summary>Deepest nesting accepted; a bundle needs about seven levels, so anything near this is hostile.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// camelCase names, enums as camelCase strings (numbers rejected), unknown or duplicate properties,
    /// missing constructor parameters and nulls in non-nullable places rejected; nulls are written (an
    /// optional field is present as null, so every field is always spelled out).
    /// Read-only: share it, do not copy and loosen it.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            MaxDepth = MaxDepth,
            NumberHandling = JsonNumberHandling.Strict,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            AllowDuplicateProperties = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
