using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace RootCause.Agent.Identity;

/// <summary>
/// GETs the pod list from the kubelet (https://&lt;node&gt;:10250/pods) or the API server
/// (/api/v1/pods?fieldSelector=spec.nodeName=&lt;node&gt;) with the service account's bearer token. The token file
/// is read at every fetch because projected tokens rotate; the CA file, when given, is the only trust anchor.
/// </summary>
internal sealed class HttpPodListSource : IPodListSource, IDisposable
{
    /// <summary>A pod list larger than this is refused: a few hundred pods take well under that.</summary>
    public const int MaxResponseBytes = 64 * 1024 * 1024;

    private readonly HttpClient http;
    private readonly Uri uri;
    private readonly string? tokenFile;
    private readonly X509Certificate2Collection? trust;

    public HttpPodListSource(Uri uri, string? tokenFile, string? caFile, HttpMessageHandler? handler = null)
    {
        this.uri = uri;
        this.tokenFile = tokenFile;
        if (caFile is not null)
        {
            trust = [];
            trust.ImportFromPemFile(caFile);
        }

        handler ??= new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = ValidateAgainstCa },
        };
        http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(15), MaxResponseContentBufferSize = MaxResponseBytes };
    }

    public string Description => uri.ToString();

    /// <summary>The kubelet's pod list of this node.</summary>
    public static Uri KubeletUri(string node, int port = 10250) => new($"https://{node}:{port}/pods");

    /// <summary>The API server's list of pods scheduled on <paramref name="node"/>.</summary>
    public static Uri ApiServerUri(Uri server, string node) =>
        new(server, "/api/v1/pods?fieldSelector=spec.nodeName%3D" + Uri.EscapeDataString(node));

    public async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (tokenFile is not null)
        {
            var token = (await File.ReadAllTextAsync(tokenFile, cancellationToken).ConfigureAwait(false)).Trim();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }

        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => http.Dispose();

    private bool ValidateAgainstCa(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (trust is null)
        {
            return errors == SslPolicyErrors.None;
        }

        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        // Cluster CAs are private: build the chain against the given CA only, not the system store.
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(trust);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }
}
