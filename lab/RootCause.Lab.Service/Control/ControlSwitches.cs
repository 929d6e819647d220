using System.Globalization;
using System.Text.Json;

namespace RootCause.Lab.Service.Control;

/// <summary>
/// The fault switches of the control file: <c>{"errorRate": 0.0, "addedLatencyMs": 0, "leakMbPerSecond": 0}</c>.
/// Missing keys are off; unknown keys and out-of-range values are errors, so a typo in the lab never passes silently.
/// </summary>
internal sealed record ControlSwitches(double ErrorRate, int AddedLatencyMs, double LeakMbPerSecond)
{
    /// <summary>Longest added latency accepted: a minute is already far past every caller's timeout.</summary>
    public const int MaximumAddedLatencyMs = 60_000;

    /// <summary>Fastest leak accepted, in MiB per second.</summary>
    public const double MaximumLeakMbPerSecond = 1024;

    public static ControlSwitches Off { get; } = new(0, 0, 0);

    public static bool TryParse(string json, out ControlSwitches switches, out string? error)
    {
        switches = Off;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"expected a JSON object, found {document.RootElement.ValueKind}";
                return false;
            }

            var result = Off;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                error = property.Name switch
                {
                    "errorRate" => Number(property, 0, 1, v => result = result with { ErrorRate = v }),
                    "addedLatencyMs" => Number(property, 0, MaximumAddedLatencyMs, v => result = result with { AddedLatencyMs = (int)v }, integer: true),
                    "leakMbPerSecond" => Number(property, 0, MaximumLeakMbPerSecond, v => result = result with { LeakMbPerSecond = v }),
                    _ => $"unknown key '{property.Name}' (errorRate, addedLatencyMs, leakMbPerSecond)",
                };
                if (error is not null)
                {
                    return false;
                }
            }

            switches = result;
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = $"not valid JSON: {e.Message}";
            return false;
        }
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"errorRate={ErrorRate} addedLatencyMs={AddedLatencyMs} leakMbPerSecond={LeakMbPerSecond}");

    private static string? Number(JsonProperty property, double minimum, double maximum, Action<double> assign, bool integer = false)
    {
        if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var value))
        {
            return $"'{property.Name}' must be a number, found {property.Value.ValueKind}";
        }

        if (integer && value != Math.Floor(value))
        {
            return $"'{property.Name}' must be a whole number of milliseconds, found {property.Value.GetRawText()}";
        }

        if (value < minimum || value > maximum)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{property.Name}' must be within [{minimum}, {maximum}], found {property.Value.GetRawText()}");
        }

        assign(value);
        return null;
    }
}
