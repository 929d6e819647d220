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

    /// <summary>
    /// This test process's name while the kernel tests run. The agent names an instance by program and node, so
    /// every "testhost" on the machine would be one instance (another suite testing at the same time, too): a
    /// name of its own keeps the counts of these tests theirs.
    /// </summary>
    public static readonly string Comm = "rc-kt-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly Lock gate = new();

    public KernelAgentFixture()
    {
        if (OperatingSystem.IsLinux())
        {
            // /proc/<pid>/comm names the thread-group leader, whose comm the probes report.
            File.WriteAllText($"/proc/{Environment.ProcessId}/comm", Comm);
        }
    }

    /// <summary>The instance the agent reports this test process as.</summary>
    public static string SelfInstance => Comm + "@test-node";
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
