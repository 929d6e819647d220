using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RootCause.Contracts;

namespace RootCause.Server.Reports;

/// <summary>The JSON form of reports, shared by the HTTP API and `--json` in the CLI so both print the same thing.</summary>
public static class ReportJson
{
    /// <summary>camelCase names, enums as camelCase strings, NaN/Infinity allowed (a baseline can be undefined). Read-only.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same as <see cref="Options"/>, indented for people.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static string Serialize(RootCauseReport report, bool indented = false) =>
        JsonSerializer.Serialize(report, indented ? Indented : Options);

    public static RootCauseReport? Deserialize(string json) => JsonSerializer.Deserialize<RootCauseReport>(json, Options);

    /// <summary>Applies the report conventions to other options, e.g. ASP.NET Core's HTTP JSON options.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        Apply(options);
        options.MakeReadOnly();
        return options;
    }
}
