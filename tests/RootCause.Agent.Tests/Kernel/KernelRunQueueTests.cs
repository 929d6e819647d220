using System.Diagnostics;
using RootCause.Agent.Aggregation;
using RootCause.Agent.Tests.Aggregation;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>Two busy loops pinned to one CPU wait for each other: the scheduler hooks measure that wait.</summary>
[Collection(KernelTestGroup.Name)]
public sealed class KernelRunQueueTests
{
    private readonly KernelAgentFixture agent;

    public KernelRunQueueTests(KernelAgentFixture agent)
    {
        this.agent = agent;
    }

    [RootFact("taskset", "sh")]
    public async Task A_busy_pair_on_one_cpu_shows_run_queue_delay_and_an_idle_process_none()
    {
        KernelEnvironment.Require("taskset", "sh");
        var probe = agent.Engine.RunQueue!;
        var busy = new List<Process>();
        using var idle = Start("sleep 30");
        try
        {
            busy.Add(Start("taskset -c 0 sh -c 'while :; do :; done'"));
            busy.Add(Start("taskset -c 0 sh -c 'while :; do :; done'"));
            var pids = busy.Select(p => p.Id).Append(idle.Id).ToDictionary(p => p, p => "p" + p.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var sampler = new ResourceSampler(runQueue: probe);
            sampler.Sample(Targets.ByPid(pids), "test-node");
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var samples = sampler.Sample(Targets.ByPid(pids), "test-node");

            foreach (var process in busy)
            {
                var delay = samples.Single(s => s.Id == pids[process.Id]).RunQueueDelaySeconds;
                // Each loop should wait about half the time; other load on the machine only adds to it.
                Assert.True(delay > 0.2, $"busy pid {process.Id} waited only {delay:F3}s in 1.5s");
            }

            Assert.True(samples.Single(s => s.Id == pids[idle.Id]).RunQueueDelaySeconds < 0.05);
            sampler.Sample([], "test-node");
            Assert.False(probe.TryRead(busy[0].Id, out _));
        }
        finally
        {
            foreach (var process in busy)
            {
                process.Kill();
                process.WaitForExit();
                process.Dispose();
            }

            idle.Kill();
            idle.WaitForExit();
        }
    }

    private static Process Start(string command)
    {
        // exec: the pid is the loop's (or sleep's), not a shell waiting for it.
        var start = new ProcessStartInfo("sh", ["-c", "exec " + command]) { UseShellExecute = false };
        return Process.Start(start)!;
    }
}
