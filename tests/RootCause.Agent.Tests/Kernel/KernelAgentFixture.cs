using RootCause.Agent.Connections;
using RootCause.Agent.Events;
using RootCause.Agent.Identity;
using RootCause.Agent.Loading;
using RootCause.Agent.Pipeline;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>
/// The real agent engine loaded into the kernel once for all kernel tests. It watches this test process too
/// (no pid excluded), because the test's own loopback server and client are what it must see.
/// </summary>
public sealed class KernelAgentFixture : IDisposable
{
    /// <summary>Processes in a cgroup of this name (a path segment) are service "cgrouped", a database, by the fixture's mapping.</summary>
    public static readonly string MappedCgroup = "rc-agent-test-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly Lock gate = new();
    private AgentEngine? engine;

    internal AgentEngine Engine
    {
        get
        {
            lock (gate)
            {
                if (engine is null)
                {
                    // Same checks as the agent's start-up (mounts tracefs when absent): a clear reason, not an attach errno.
                    var report = StartupChecks.Check(SystemFacts.Read(mountTracefs: true));
                    Assert.True(report.CanRun, string.Join(" ", report.Errors));
                    var processor = new EventProcessor("test-node", new ServiceResolver("test-node", ServiceMapping.Parse($"cgrouped cgroup={MappedCgroup} kind=database", "kernel-tests"), NoPods.Instance), new ProcFsProcessSource(), dropReasons: DropReasonNames.Load());
                    var options = new AgentOptions("test-agent", "test-node", TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(20), ExcludedPid: 0);
                    var started = new AgentEngine(options, processor, TimeProvider.System, _ => { }, _ => { });
                    started.Start();
                    engine = started;
                }

                return engine;
            }
        }
    }

    /// <summary>Starts a fresh interval: what happened before the test does not count in it.</summary>
    internal async Task ResetAsync() => await Engine.FlushNowAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Closes the interval the test ran in and returns its batch.</summary>
    internal async Task<MetricBatch> CollectAsync() => await Engine.FlushNowAsync().WaitAsync(TimeSpan.FromSeconds(30));

    public void Dispose() => engine?.Dispose();
}
