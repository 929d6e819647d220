using System.Globalization;
using System.Text.Json;
using RootCause.Contracts;
using RootCause.Server.Reports;

namespace RootCause.Server.Cli;

/// <summary>
/// Watches a running host over its API: batch intake goes through the bus asynchronously, so a client
/// that posts batches and then an alert waits for the batches to be stored in between.
/// </summary>
internal static class HostProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static async Task<int> BatchCountAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var health = JsonDocument.Parse(await http.GetStringAsync("healthz", cancellationToken).ConfigureAwait(false));
        return health.RootElement.GetProperty("batches").GetInt32();
    }

    public static async Task WaitForBatchesAsync(HttpClient http, int expected, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            if (await BatchCountAsync(http, cancellationToken).ConfigureAwait(false) >= expected)
            {
                return;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"the host did not store {expected} batches within {Seconds(Patience)} s");
    }

    public static async Task<RootCauseReport> WaitForReportAsync(HttpClient http, Guid id, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            using var view = JsonDocument.Parse(await http.GetStringAsync($"api/v1/analyses/{id}", cancellationToken).ConfigureAwait(false));
            var status = view.RootElement.GetProperty("status").GetString();
            if (string.Equals(status, "done", StringComparison.OrdinalIgnoreCase))
            {
                return view.RootElement.GetProperty("report").Deserialize<RootCauseReport>(ReportJson.Options)!;
            }

            if (string.Equals(status, "failed", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"analysis {id} failed: {view.RootElement.GetProperty("error").GetString()}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"analysis {id} did not finish within {Seconds(Patience)} s");
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString(CultureInfo.InvariantCulture);
}
