using System.Net.Http.Headers;
using System.Text.Json;
using RootCause.Contracts;

namespace RootCause.Agent.Pipeline;

/// <summary>
/// Ships batches to `rootcause serve` (POST /api/v1/batches, a JSON array in the shared wire format). A batch
/// is retried with backoff until it is accepted; meanwhile newer batches wait in the bounded queue.
/// </summary>
internal sealed class HttpBatchShipper
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly HttpClient client;
    private readonly Uri endpoint;
    private readonly BatchQueue queue;
    private readonly Action<string> log;

    public HttpBatchShipper(HttpClient client, Uri server, BatchQueue queue, Action<string> log)
    {
        this.client = client;
        endpoint = new Uri(server, "api/v1/batches");
        this.queue = queue;
        this.log = log;
    }

    public long Shipped { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var batch in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var backoff = TimeSpan.FromSeconds(1);
            var failing = false;
            while (!await TrySendAsync(batch, failing, cancellationToken).ConfigureAwait(false))
            {
                failing = true;
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }

            if (failing)
            {
                log($"agent: server {endpoint} accepts batches again");
            }

            Shipped++;
        }
    }

    private async Task<bool> TrySendAsync(MetricBatch batch, bool failing, CancellationToken cancellationToken)
    {
        try
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new[] { batch }, WireJson.Options);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode != System.Net.HttpStatusCode.TooManyRequests)
            {
                // The server rejects this batch as such: retrying would block every later batch.
                log($"agent: server rejected a batch ({(int)response.StatusCode}): {Truncate(text)}; dropped");
                return true;
            }

            if (!failing)
            {
                log($"agent: server answered {(int)response.StatusCode}; retrying");
            }
        }
        catch (HttpRequestException e)
        {
            if (!failing)
            {
                log($"agent: cannot reach {endpoint}: {e.Message}; retrying");
            }
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (!failing)
            {
                log($"agent: {endpoint} timed out; retrying");
            }
        }

        return false;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
