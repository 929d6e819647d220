using System.Globalization;
using System.Text.Json;

namespace RootCause.Lab.AlertChain;

/// <summary>The few calls of Prometheus' HTTP API the lab makes (v1: alerts, instant queries, targets, alertmanagers).</summary>
internal sealed class PrometheusApi(HttpClient http)
{
    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => IsReadyAsync(http, cancellationToken);

    /// <summary>Whether a Prometheus or an Alertmanager answers 200 on its readiness endpoint now.</summary>
    public static async Task<bool> IsReadyAsync(HttpClient server, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await server.GetAsync(new Uri("-/ready", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Whether Prometheus has discovered at least one Alertmanager to send alerts to.</summary>
    public async Task<bool> HasAlertmanagerAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(
                "api/v1/alertmanagers",
                data => data.TryGetProperty("activeAlertmanagers", out var active) && active.ValueKind == JsonValueKind.Array && active.GetArrayLength() > 0,
                cancellationToken).ConfigureAwait(false);
        }
        catch (LabException)
        {
            return false;
        }
    }

    public Task<IReadOnlyList<PrometheusAlert>> AlertsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<PrometheusAlert>>(
            "api/v1/alerts",
            data => data.GetProperty("alerts").EnumerateArray().Select(alert =>
            {
                var labels = Labels(alert.GetProperty("labels"));
                return new PrometheusAlert(
                    labels.GetValueOrDefault("alertname", string.Empty),
                    labels,
                    alert.GetProperty("state").GetString() ?? string.Empty,
                    ParseTime(alert.GetProperty("activeAt").GetString()),
                    ParseNumber(alert.GetProperty("value").GetString()));
            }).ToArray(),
            cancellationToken);

    public Task<IReadOnlyList<PrometheusSample>> QueryAsync(string promQl, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<PrometheusSample>>(
            "api/v1/query?query=" + Uri.EscapeDataString(promQl),
            data => data.GetProperty("resultType").GetString() != "vector"
                ? []
                : data.GetProperty("result").EnumerateArray().Select(element =>
                {
                    var value = element.GetProperty("value");
                    return new PrometheusSample(
                        Labels(element.GetProperty("metric")),
                        DateTimeOffset.FromUnixTimeMilliseconds((long)(value[0].GetDouble() * 1000)),
                        ParseNumber(value[1].GetString()));
                }).ToArray(),
            cancellationToken);

    public Task<IReadOnlyList<ScrapeTarget>> TargetsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<ScrapeTarget>>(
            "api/v1/targets?state=active",
            data => data.GetProperty("activeTargets").EnumerateArray().Select(target =>
            {
                var at = ParseTime(target.GetProperty("lastScrape").GetString());
                return new ScrapeTarget(
                    target.GetProperty("scrapeUrl").GetString() ?? string.Empty,
                    target.GetProperty("health").GetString() ?? string.Empty,
                    target.GetProperty("lastError").GetString() ?? string.Empty,
                    at.Year <= 1 ? null : at);
            }).ToArray(),
            cancellationToken);

    /// <summary>
    /// Parses Prometheus' RFC 3339 times, which carry up to nine fractional digits; .NET reads seven, so the rest
    /// (below 100 ns) is dropped.
    /// </summary>
    public static DateTimeOffset ParseTime(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new FormatException("Prometheus returned no time.");
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
            }
        }

        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    /// <summary>Prometheus' sample values are strings in Go's syntax, with "+Inf", "-Inf" and "NaN".</summary>
    public static double ParseNumber(string? text) => text switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        null => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> Labels(JsonElement labels) =>
        labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);

    /// <summary>GETs an API path and reads its <c>data</c>; every failure (no answer, an error status, an unexpected shape) is a <see cref="LabException"/>.</summary>
    private async Task<T> GetAsync<T>(string path, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new LabException($"Prometheus answered {(int)response.StatusCode} to GET {path}: {Shorten(body)}");
            }

            using var document = JsonDocument.Parse(body);
            if (document.RootElement.GetProperty("status").GetString() != "success")
            {
                throw new LabException($"Prometheus reported a failure for GET {path}: {Shorten(body)}");
            }

            return read(document.RootElement.GetProperty("data"));
        }
        catch (HttpRequestException e)
        {
            throw new LabException($"Prometheus at {http.BaseAddress} did not answer GET {path}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LabException($"Prometheus at {http.BaseAddress} did not answer GET {path} within {http.Timeout.TotalSeconds:0} s", e);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new LabException($"Prometheus at {http.BaseAddress} answered GET {path} in a shape the lab does not read: {e.Message}", e);
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
