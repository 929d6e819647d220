using System.Net;
using RootCause.Agent.Identity;

namespace RootCause.Agent.Tests.Identity;

public sealed class PodDirectoryTests
{
    private const string CheckoutUid = "6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b";
    private const string NewCheckoutUid = "77777777-8888-4999-8aaa-bbbbbbbbbbbb";

    [Fact]
    public async Task A_refresh_replaces_the_mapping_and_bumps_the_version()
    {
        var pods = new PodDirectory(new FixturePodListSource().Then("kubelet-pods.json").Then("apiserver-pods-after-rollout.json"));
        Assert.False(pods.TryFind(CheckoutUid, out _));

        Assert.Null(await pods.RefreshAsync(CancellationToken.None));
        Assert.True(pods.TryFind(CheckoutUid, out var checkout));
        Assert.Equal("checkout-7d9f8b6c5d-x2x9q", checkout.Name);
        Assert.Equal((1, 6), (pods.Version, pods.Count));

        Assert.Null(await pods.RefreshAsync(CancellationToken.None));
        Assert.False(pods.TryFind(CheckoutUid, out _));
        Assert.True(pods.TryFind(NewCheckoutUid, out var rolled));
        Assert.Equal("checkout", rolled.Service);
        Assert.Equal(2, pods.Version);
    }

    [Fact]
    public async Task Malformed_lists_and_failed_fetches_keep_the_previous_mapping_and_say_why()
    {
        var pods = new PodDirectory(new FixturePodListSource()
            .Then("kubelet-pods.json")
            .Then("kubelet-pods-truncated.json")
            .Then("apiserver-forbidden.json")
            .ThenText("{\"items\":[{\"metadata\":{}}]}")
            .ThenFailure(new HttpRequestException("401 Unauthorized", null, HttpStatusCode.Unauthorized)));
        await pods.RefreshAsync(CancellationToken.None);

        var problems = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            problems.Add(await pods.RefreshAsync(CancellationToken.None));
        }

        Assert.All(problems, p => Assert.Contains("keeping the previous 6 pods", p!, StringComparison.Ordinal));
        Assert.Contains("malformed", problems[0]!, StringComparison.Ordinal);
        Assert.Contains("Status", problems[1]!, StringComparison.Ordinal);
        Assert.Contains("item 0 has no metadata.uid", problems[2]!, StringComparison.Ordinal);
        Assert.Contains("401 Unauthorized", problems[3]!, StringComparison.Ordinal);
        Assert.True(pods.TryFind(CheckoutUid, out _));
        Assert.Equal(1, pods.Version);
    }

    [Fact]
    public async Task The_http_source_sends_the_bearer_token_from_its_file_at_every_fetch()
    {
        var token = Path.GetTempFileName();
        try
        {
            var handler = new RecordingHandler(FixturePodListSource.Fixture("kubelet-pods.json"));
            var uri = HttpPodListSource.ApiServerUri(new Uri("https://10.96.0.1:443"), "node-a");
            using var source = new HttpPodListSource(uri, token, caFile: null, handler);
            await File.WriteAllTextAsync(token, "first-token\n");
            await source.FetchAsync(CancellationToken.None);
            await File.WriteAllTextAsync(token, "rotated-token");
            var pods = new PodDirectory(source);
            Assert.Null(await pods.RefreshAsync(CancellationToken.None));

            Assert.Equal(["Bearer first-token", "Bearer rotated-token"], handler.Authorizations);
            Assert.Equal("https://10.96.0.1/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-a", handler.LastUri!.ToString());
            Assert.Equal("https://node-a:10250/pods", HttpPodListSource.KubeletUri("node-a").ToString());
            Assert.Equal(6, pods.Count);
        }
        finally
        {
            File.Delete(token);
        }
    }

    [Fact]
    public async Task An_http_error_status_keeps_the_mapping()
    {
        using var source = new HttpPodListSource(new Uri("https://node-a:10250/pods"), tokenFile: null, caFile: null, new RecordingHandler(null));
        var problem = await new PodDirectory(source).RefreshAsync(CancellationToken.None);
        Assert.Contains("403 Forbidden", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_refresh_loop_survives_any_failure_and_keeps_refreshing()
    {
        var pods = new PodDirectory(new FixturePodListSource()
            .Then("kubelet-pods.json")
            .ThenFailure(new InvalidOperationException("boom"))
            .Then("apiserver-pods-after-rollout.json"));
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var loop = pods.RunAsync(TimeSpan.FromMilliseconds(5), TimeProvider.System, log.Enqueue, stop.Token);
        while (pods.Version < 2 && !stop.IsCancellationRequested)
        {
            await Task.Delay(5);
        }

        await stop.CancelAsync();
        await loop;
        Assert.Equal(2, pods.Version);
        Assert.Contains(log, l => l.Contains("InvalidOperationException: boom", StringComparison.Ordinal) && l.Contains("keeping the previous 6 pods", StringComparison.Ordinal));
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly string? body;

        public RecordingHandler(string? body)
        {
            this.body = body;
        }

        public List<string> Authorizations { get; } = [];

        public Uri? LastUri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.Add(request.Headers.Authorization?.ToString() ?? "none");
            LastUri = request.RequestUri;
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.Forbidden) { ReasonPhrase = "Forbidden" }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
        }
    }
}
