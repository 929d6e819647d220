using System.Diagnostics;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>
/// An instance named by its cgroup (the fixture maps cgroup <see cref="KernelAgentFixture.MappedCgroup"/> to
/// "cgrouped", a database) reports the whole cgroup: the CPU of a busy loop in it that never touches the
/// network, and the cgroup's quota and memory limit.
/// </summary>
[Collection(KernelTestGroup.Name)]
public sealed class KernelCgroupTests
{
    private const double QuotaCores = 0.5;
    private const long LimitBytes = 256L * 1024 * 1024;
    private readonly KernelAgentFixture agent;

    public KernelCgroupTests(KernelAgentFixture agent)
    {
        this.agent = agent;
    }

    [RootFact("sh", "curl")]
    public async Task A_cgroup_instance_reports_the_whole_cgroups_cpu_and_its_limits()
    {
        KernelEnvironment.Require("sh", "curl");
        using var server = new TestHttpServer();
        using var cgroup = TestCgroup.Create(KernelAgentFixture.MappedCgroup, QuotaCores, LimitBytes);
        cgroup.Start("sh -c 'while :; do :; done'");
        var curl = KernelEnvironment.FindOnPath("curl")!;

        await agent.ResetAsync();

        // The first call makes the instance active, so the interval it closes reads the cgroup's CPU once. Each
        // client stays connected a while: the agent reads /proc of a process only when it drains its connect.
        await WaitAsync(cgroup.Start($"{curl} -s -o /dev/null http://127.0.0.1:{server.Port}/cgroup/first?delay=300"));
        // Started before the interval: the span the agent samples lies within the watch.
        var watch = Stopwatch.StartNew();
        await agent.ResetAsync();

        // The client stays connected 1.5 s while the busy loop runs against the quota.
        await WaitAsync(cgroup.Start($"{curl} -s -o /dev/null http://127.0.0.1:{server.Port}/cgroup/ok?delay=1500"));
        var batch = await agent.CollectAsync();
        var elapsed = watch.Elapsed.TotalSeconds;

        var instance = Assert.Single(batch.Instances, i => i.Service == "cgrouped");
        Assert.Equal(("cgrouped@test-node", ServiceKind.Database), (instance.Instance, instance.Kind));
        var call = Assert.Single(batch.Calls, c => c.Operation == "GET /cgroup/ok");
        Assert.Equal(("cgrouped", "cgrouped@test-node", 1L), (call.Caller, call.CallerInstance, call.Stats.Requests));

        var sample = Assert.Single(batch.Resources, r => r.Kind == ResourceKind.Instance && r.Id == "cgrouped@test-node");
        Assert.Equal(QuotaCores, sample.CpuLimitCores, 6);
        Assert.Equal(LimitBytes, sample.MemoryLimitBytes);
        // curl alone uses a few milliseconds; the busy loop fills the quota (half a core) when the machine lets it,
        // and never more (plus one 100 ms period's worth of quota).
        Assert.InRange(sample.CpuSeconds, 0.3 * QuotaCores * 1.5, (QuotaCores * elapsed) + 0.05);
        Assert.True(sample.MemoryBytes > 0, sample.ToString());
    }

    private static async Task WaitAsync(Process process)
    {
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, process.ExitCode);
    }
}
