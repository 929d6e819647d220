using System.Text.Json.Serialization;

namespace RootCause.Lab;

/// <summary>The fault switches of one lab service, as its control file holds them (see the lab contract).</summary>
/// <param name="ErrorRate">Share of requests answered 500 (a bad release).</param>
/// <param name="AddedLatencyMs">Extra wait in every handler (a slow service).</param>
/// <param name="LeakMbPerSecond">Memory the process allocates and keeps per second (memory pressure up to an OOM kill).</param>
public sealed record ServiceSwitches(
    [property: JsonPropertyName("errorRate")] double ErrorRate,
    [property: JsonPropertyName("addedLatencyMs")] int AddedLatencyMs,
    [property: JsonPropertyName("leakMbPerSecond")] double LeakMbPerSecond)
{
    public static ServiceSwitches Off { get; } = new(0, 0, 0);
}
