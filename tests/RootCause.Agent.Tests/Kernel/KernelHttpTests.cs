using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>Loads the real programs and checks what they report about known loopback HTTP traffic.</summary>
[Collection(KernelTestGroup.Name)]
public sealed class KernelHttpTests
{
    private static readonly string Self = KernelAgentFixture.SelfInstance;
    private readonly KernelAgentFixture agent;

    public KernelHttpTests(KernelAgentFixture agent)
    {
        this.agent = agent;
    }

    [RootFact]
    public async Task Requests_are_counted_exactly_per_side_with_status_classes_and_latency()
    {
        KernelEnvironment.Require();
        using var server = new TestHttpServer();
        await agent.ResetAsync();

        // One connection per request: 6 fast 200s, 3 404s, 3 slow 503s (120 ms).
        for (var i = 0; i < 6; i++)
        {
            using var client = new RawHttpClient(server.Port);
            Assert.Equal(200, client.Get("/basic/ok"));
        }

        for (var i = 0; i < 3; i++)
        {
            using var client = new RawHttpClient(server.Port);
            Assert.Equal(404, client.Get("/basic/missing"));
        }

        for (var i = 0; i < 3; i++)
        {
            using var client = new RawHttpClient(server.Port);
            Assert.Equal(503, client.Get("/basic/fail?delay=120"));
        }

        var batch = await agent.CollectAsync();

        var ok = ServedStats(batch, "GET /basic/ok");
        var missing = ServedStats(batch, "GET /basic/missing");
        var fail = ServedStats(batch, "GET /basic/fail");
        Assert.Equal((6L, 0L, 0L), (ok.Requests, ok.Errors, ok.ClientErrors));
        Assert.Equal((3L, 0L, 3L), (missing.Requests, missing.Errors, missing.ClientErrors));
        Assert.Equal((3L, 3L, 0L), (fail.Requests, fail.Errors, fail.ClientErrors));

        var callOk = CallStats(batch, "GET /basic/ok");
        var callFail = CallStats(batch, "GET /basic/fail");
        Assert.Equal((6L, 0L), (callOk.Requests, callOk.Errors));
        Assert.Equal((3L, 3L), (callFail.Requests, callFail.Errors));
        Assert.Equal(3, CallStats(batch, "GET /basic/missing").ClientErrors);

        // Latency: the 120 ms sleep is seen on both sides; the fast ones stay far below it.
        foreach (var stats in new[] { fail, callFail })
        {
            var mean = stats.LatencySumSeconds / stats.Requests;
            Assert.InRange(mean, 0.120, 0.120 + 0.080);
            Assert.Equal(3, stats.LatencyCounts[LatencyBuckets.IndexOf(0.2)]);
        }

        Assert.InRange(ok.LatencySumSeconds / ok.Requests, 0, 0.050);

        // Caller and callee are this test process on both sides of the edge.
        var served = batch.Golden.First(g => g.Operation == "GET /basic/ok");
        var call = batch.Calls.First(c => c.Operation == "GET /basic/ok");
        Assert.Equal(Self, served.Instance);
        Assert.Equal(served.Service, served.Caller);
        Assert.Equal(served.Service, call.Callee);
        Assert.Contains(batch.Instances, i => i.Instance == served.Instance && i.Address == $"127.0.0.1:{server.Port}");
        var edge = batch.Network.Single(n => n.Destination == served.Instance);
        Assert.Equal(12, edge.Connects);
    }

    [RootFact]
    public async Task Keep_alive_and_pipelined_requests_are_each_counted()
    {
        KernelEnvironment.Require();
        using var server = new TestHttpServer();
        await agent.ResetAsync();

        using (var keepAlive = new RawHttpClient(server.Port))
        {
            for (var i = 0; i < 10; i++)
            {
                Assert.Equal(i % 2 == 0 ? 200 : 404, keepAlive.Get(i % 2 == 0 ? "/keepalive/ok" : "/keepalive/missing"));
            }

            Assert.Equal(200, keepAlive.Get("/keepalive/chunked"));
        }

        using (var pipelined = new RawHttpClient(server.Port))
        {
            var statuses = pipelined.Pipeline(["/pipelined/ok", "/pipelined/chunked", "/pipelined/missing", "/pipelined/ok", "/pipelined/fail"]);
            Assert.Equal([200, 200, 404, 200, 503], statuses);
        }

        var batch = await agent.CollectAsync();

        Assert.Equal(5, ServedStats(batch, "GET /keepalive/ok").Requests);
        Assert.Equal(5, ServedStats(batch, "GET /keepalive/missing").ClientErrors);
        Assert.Equal(1, ServedStats(batch, "GET /keepalive/chunked").Requests);
        Assert.Equal(5, CallStats(batch, "GET /keepalive/ok").Requests);
        Assert.Equal(1, CallStats(batch, "GET /keepalive/chunked").Requests);

        Assert.Equal(2, ServedStats(batch, "GET /pipelined/ok").Requests);
        Assert.Equal(1, ServedStats(batch, "GET /pipelined/chunked").Requests);
        Assert.Equal(1, ServedStats(batch, "GET /pipelined/missing").ClientErrors);
        Assert.Equal(1, ServedStats(batch, "GET /pipelined/fail").Errors);
        Assert.Equal(2, CallStats(batch, "GET /pipelined/ok").Requests);
        Assert.Equal(1, CallStats(batch, "GET /pipelined/fail").Errors);
        Assert.Equal(0, agent.Engine.KernelCounters!.DataLost);
    }

    [RootFact]
    public async Task Connect_to_a_closed_port_is_a_connect_failure_on_that_edge()
    {
        KernelEnvironment.Require();
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        await agent.ResetAsync();
        using (var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            var refused = Assert.Throws<SocketException>(() => client.Connect(new IPEndPoint(IPAddress.Loopback, port)));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }

        var batch = await agent.CollectAsync();

        var edge = batch.Network.Single(n => n.Destination == $"127.0.0.1:{port}");
        Assert.Equal(Self, edge.SourceInstance);
        Assert.Equal((1L, 0L), (edge.ConnectFailures, edge.Connects));
    }

    [RootFact("curl")]
    public async Task Short_lived_client_processes_fold_into_one_instance_named_by_command()
    {
        KernelEnvironment.Require("curl");
        using var server = new TestHttpServer();
        await agent.ResetAsync();

        for (var i = 0; i < 3; i++)
        {
            using var curl = Process.Start(new ProcessStartInfo(KernelEnvironment.FindOnPath("curl")!, $"-s -o /dev/null http://127.0.0.1:{server.Port}/shortlived/ok")
            {
                RedirectStandardOutput = true,
            })!;
            await curl.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, curl.ExitCode);
        }

        var batch = await agent.CollectAsync();

        var served = batch.Golden.Single(g => g.Operation == "GET /shortlived/ok");
        Assert.Equal(("curl", 3L), (served.Caller, served.Stats.Requests));
        // Three curl processes, one instance: a service on a node, not a pid.
        var call = batch.Calls.Single(c => c.Operation == "GET /shortlived/ok");
        Assert.Equal(("curl", "curl@test-node", served.Service, 3L), (call.Caller, call.CallerInstance, call.Callee, call.Stats.Requests));
        Assert.Single(batch.Instances, i => i.Service == "curl");
    }

    private static RequestStats ServedStats(MetricBatch batch, string operation)
    {
        var samples = batch.Golden.Where(g => g.Operation == operation && g.Instance == Self).ToArray();
        Assert.True(samples.Length == 1, $"expected one golden sample for {operation}, got {samples.Length}: {string.Join(", ", batch.Golden.Select(g => g.Operation))}");
        return samples[0].Stats;
    }

    private static RequestStats CallStats(MetricBatch batch, string operation)
    {
        var samples = batch.Calls.Where(c => c.Operation == operation && c.CallerInstance == Self).ToArray();
        Assert.True(samples.Length == 1, $"expected one call sample for {operation}, got {samples.Length}: {string.Join(", ", batch.Calls.Select(c => c.Operation))}");
        return samples[0].Stats;
    }
}
