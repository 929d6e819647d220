using System.Net;
using System.Net.Http.Json;

namespace RootCause.Lab.Service.Upstreams;

/// <summary>
/// Calls one upstream over keep-alive HTTP/1.1 through its own pooled handler. Every call is bounded by the timeout;
/// a failure comes back as an <see cref="UpstreamResponse"/>, never as an exception, so a fault shows as latency or an
/// error status and never as a hang.
/// </summary>
internal sealed class UpstreamClient : IDisposable
{
    /// <summary>Leaf calls (catalog, cart, payment): long enough for a healthy answer under load, short enough to show a fault.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Gateway → checkout: longer than checkout's own calls, so a slow payment shows as checkout's error, not as two timeouts racing.</summary>
    public static readonly TimeSpan ChainTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Connection set-up gets less than the whole call, so a dropped SYN still leaves a retry within the call.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Connections kept per upstream; a caller beyond it waits for a connection within its timeout.</summary>
    private const int MaximumConnections = 64;

    /// <summary>Largest body read; a catalog page is about 10 KB.</summary>
    private const int MaximumBodyBytes = 1 << 20;

    private readonly HttpClient client;

    public UpstreamClient(string name, Uri baseAddress, TimeSpan timeout)
    {
        Name = name;
        Timeout = timeout;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = ConnectTimeout,
            MaxConnectionsPerServer = MaximumConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
        };
        client = new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaximumBodyBytes,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    public string Name { get; }

    public TimeSpan Timeout { get; }

    public Task<UpstreamResponse> GetAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, null, cancellationToken);

    public Task<UpstreamResponse> DeleteAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, pathAndQuery, null, cancellationToken);

    public Task<UpstreamResponse> PostAsync<T>(string pathAndQuery, T body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, pathAndQuery, JsonContent.Create(body), cancellationToken);

    public async Task<UpstreamResponse> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        using var request = new HttpRequestMessage(method, pathAndQuery) { Content = content ?? (method == HttpMethod.Post ? new ByteArrayContent([]) : null) };
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            return new UpstreamResponse((int)response.StatusCode, body, response.Content.Headers.ContentType?.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return UpstreamResponse.Failed(StatusCodes.Status504GatewayTimeout, $"{Name}: no answer within {Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return UpstreamResponse.Failed(StatusCodes.Status503ServiceUnavailable, $"{Name}: cannot connect ({Innermost(e).Message})");
        }
        catch (HttpRequestException e)
        {
            return UpstreamResponse.Failed(StatusCodes.Status502BadGateway, $"{Name}: {Innermost(e).Message}");
        }
    }

    public void Dispose() => client.Dispose();

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
