using System.Text.Json;
using RootCause.Agent.Aggregation;
using RootCause.Agent.Connections;
using RootCause.Agent.Identity;
using RootCause.Agent.Pipeline;
using RootCause.Agent.Tests.Events;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Pipeline;

public sealed class IntervalCloserTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly ManualClock clock = new(Noon.AddSeconds(3.2));
    private readonly EventProcessor processor = new("node-1", new ServiceResolver("node-1", ServiceMapping.Empty, NoPods.Instance), new NoProcesses());
    private readonly List<MetricBatch> published = [];
    private readonly List<string> logged = [];
    private readonly IntervalCloser closer;

    public IntervalCloserTests()
    {
        var options = new AgentOptions("agent-1", "node-1", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50), 0);
        var sampler = new ResourceSampler(Path.Combine(Path.GetTempPath(), "rc-no-proc-" + Guid.NewGuid().ToString("N")), cgroups: new CgroupReader(CgroupLayout.None));
        closer = new IntervalCloser(options, processor, sampler, clock, published.Add, logged.Add);
    }

    [Fact]
    public void The_partial_first_interval_is_counted_and_logged_but_not_sent()
    {
        Call(requests: 4, atNs: 1_000_000);
        clock.Set(Noon.AddSeconds(10.03));

        Assert.Equal(IntervalOutcome.Partial, closer.Poll()!.Outcome);
        Assert.Empty(published);
        Assert.Equal(1, processor.Counters.IntervalsNotSent);
        Assert.Contains(logged, l => l.Contains("2026-03-02T12:00:00.0000000+00:00 not sent", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_sent_batch_starts_on_the_grid_with_the_nominal_length_and_holds_only_its_own_requests()
    {
        clock.Set(Noon.AddSeconds(10.03));
        closer.Poll();
        Call(requests: 4, atNs: 11_000_000_000);
        clock.Set(Noon.AddSeconds(20.047));
        Assert.True(closer.Poll()!.Send);
        Call(requests: 6, atNs: 21_000_000_000);
        clock.Set(Noon.AddSeconds(30.001));
        closer.Poll();
        clock.Set(Noon.AddSeconds(30.2));
        Assert.Null(closer.Poll());

        Assert.Equal([(Noon.AddSeconds(10), 10.0, 4L), (Noon.AddSeconds(20), 10.0, 6L)],
            published.Select(b => (b.IntervalStart, b.IntervalSeconds, b.Golden.Sum(g => g.Stats.Requests))));
    }

    [Fact]
    public void A_sent_batch_is_sound_on_the_wire_with_its_instances_kinds()
    {
        clock.Set(Noon.AddSeconds(10.03));
        closer.Poll();
        Call(requests: 1, atNs: 11_000_000_000);
        processor.ProcessRecord(EventBytes.Connection(2, 70, 2, 500, "worker", "10.0.0.20:5432", "10.0.0.11:50000", 11_500_000_000));
        clock.Set(Noon.AddSeconds(20.01));
        closer.Poll();

        var json = JsonSerializer.Serialize(Assert.Single(published), WireJson.Options);
        var read = JsonSerializer.Deserialize<MetricBatch>(json, WireJson.Options);
        Assert.Null(MetricBatchValidator.Problem(read));
        Assert.Equal(ServiceKind.Database, read!.Instances.Single(i => i.Service == "worker").Kind);
        Assert.Contains("\"kind\":\"database\"", json, StringComparison.Ordinal);
    }

    /// <summary>A loopback client (pid 200, "shop") calling a server (pid 100, "web"), <paramref name="requests"/> times.</summary>
    private void Call(int requests, long atNs)
    {
        var id = (ulong)atNs;
        var port = 40000 + (int)(atNs / 1_000_000 % 20000);
        processor.ProcessRecord(EventBytes.Connection(2, id, 1, 200, "shop", $"127.0.0.1:{port}", "127.0.0.1:8080", atNs));
        processor.ProcessRecord(EventBytes.Connection(2, id + 1, 2, 100, "web", "127.0.0.1:8080", $"127.0.0.1:{port}", atNs + 100));
        for (var i = 0; i < requests; i++)
        {
            var t = atNs + (1_000_000L * (i + 1));
            processor.ProcessRecord(EventBytes.Data(id + 1, ingress: true, "GET /x HTTP/1.1\r\n\r\n", t));
            processor.ProcessRecord(EventBytes.Data(id + 1, ingress: false, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", t + 500));
        }
    }

    private sealed class NoProcesses : IProcessSource
    {
        public ProcessInfo Describe(int pid, string comm) => new(pid, comm, [], null);
    }
}
