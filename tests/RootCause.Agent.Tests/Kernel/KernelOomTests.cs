using System.Diagnostics;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>A process killed by the OOM killer in a test-made memory cgroup is counted on its instance and the node.</summary>
[Collection(KernelTestGroup.Name)]
public sealed class KernelOomTests
{
    private const long LimitBytes = 32L * 1024 * 1024;
    private readonly KernelAgentFixture agent;

    public KernelOomTests(KernelAgentFixture agent)
    {
        this.agent = agent;
    }

    [RootFact("sh", "head", "tail")]
    public async Task An_oom_kill_in_a_memory_limited_cgroup_is_counted_on_the_victims_instance()
    {
        KernelEnvironment.Require("sh", "head", "tail");
        var cgroup = MemoryCgroup.Create("rc-oom-test-" + Environment.ProcessId, LimitBytes);
        try
        {
            await agent.ResetAsync();
            var killsBefore = agent.Engine.Counters.OomKills;

            // tail keeps a line in memory until it ends: with no newline in the input it grows past the limit.
            var start = new ProcessStartInfo("sh", ["-c", $"echo $$ > {cgroup.Procs} && head -c 256m /dev/zero | tail > /dev/null"]) { UseShellExecute = false };
            using var shell = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await shell.WaitForExitAsync(timeout.Token);

            var deadline = Environment.TickCount64 + 5_000;
            while (agent.Engine.Counters.OomKills == killsBefore && Environment.TickCount64 < deadline)
            {
                await Task.Delay(50);
            }

            var batch = await agent.CollectAsync();
            var victim = batch.Resources.Where(r => r.Kind == ResourceKind.Instance && r.Id.StartsWith("tail@", StringComparison.Ordinal)).ToArray();
            Assert.True(victim.Length == 1, $"no OOM kill of tail in the batch: {string.Join("; ", batch.Resources)} | {agent.Engine.Counters}");
            Assert.Equal(1, victim[0].OomKills);
            Assert.True(batch.Resources.Single(r => r.Kind == ResourceKind.Node).OomKills >= 1);
        }
        finally
        {
            cgroup.Dispose();
        }
    }
}
