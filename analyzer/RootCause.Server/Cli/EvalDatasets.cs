using System.Text.Json;
using System.Text.Json.Serialization;
using RootCause.Server.Hosting;

namespace RootCause.Server.Cli;

/// <summary>What the `eval` verbs share: where the public datasets are, and how results are written as JSON.</summary>
internal static class EvalDatasets
{
    /// <summary>Results as JSON: indented, enums by name, NaN and infinities allowed (a ratio of nothing).</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The shared copy of a dataset beside the checkout, $ROOTCAUSE_HOME/../shared/datasets/PATH; null without ROOTCAUSE_HOME.</summary>
    public static string? DefaultPath(params string[] path)
    {
        var home = Environment.GetEnvironmentVariable(FaultTreeDirectory.EnvironmentVariable);
        return string.IsNullOrWhiteSpace(home) ? null : Path.GetFullPath(Path.Combine([home, "..", "shared", "datasets", .. path]));
    }
}
