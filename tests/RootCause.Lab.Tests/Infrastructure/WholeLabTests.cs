using System.Globalization;
using Xunit.Abstractions;

namespace RootCause.Lab.Tests.Infrastructure;

[Collection(OneLabAtATime.Name)]
public sealed class WholeLabTests(ITestOutputHelper output)
{
    /// <summary>Between two probe requests: not a divisor of slow_database's 500 ms lock cycle, so the requests sample all of it.</summary>
    private const double Gap = 0.13;

    [LabHostFact]
    public async Task The_whole_lab_starts_with_every_member_in_its_namespace_and_cgroup_and_the_gateway_answers_200_from_the_load_namespace()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lines = new List<string>();
        var lab = new LabEnvironment();
        try
        {
            await lab.StartAsync(new LabOptions { ServiceAssemblyPath = LabHost.ServiceAssembly(), WorkDirectory = work }, new SynchronousProgress(lines.Add), CancellationToken.None);
            output.WriteLine(string.Join(Environment.NewLine, lines));

            var products = await LabHost.ProbeAsync(LabLayout.Load, $"{LabLayout.Gateway.BaseUrl}/api/products", 5, 5);
            var cart = await LabHost.ProbeAsync(LabLayout.Load, $"{LabLayout.Gateway.BaseUrl}/api/cart/lab-test", 5, 5);
            output.WriteLine($"GET /api/products {products}; GET /api/cart {cart}");
            Assert.Equal(5, products.Ok);
            Assert.Equal(5, cart.Ok);

            var status = lab.ProcessStatus();
            Assert.Equal(LabLayout.Members.Select(m => m.Name).Order(), status.Select(s => s.Member).Order());
            foreach (var member in status)
            {
                Assert.True(member.IsRunning, $"{member.Member} is not running: {member}");
                Assert.Equal(0, member.Restarts);
                var pid = member.Pid!.Value;
                Assert.Contains(pid, lab.Cgroups.Member(member.Member).ProcessIds());
                var ns = await ProcessRunner.RunCheckedAsync("ip", ["netns", "identify", pid.ToString(CultureInfo.InvariantCulture)], CancellationToken.None);
                Assert.Equal(LabLayout.Member(member.Member).Namespace, ns.Trim());
            }

            Assert.Equal(AgentMappingFile.Render(), await File.ReadAllTextAsync(lab.MappingFilePath));
        }
        finally
        {
            var stopping = TimeProvider.System.GetTimestamp();
            var problems = await lab.StopAsync();
            output.WriteLine($"teardown {TimeProvider.System.GetElapsedTime(stopping).TotalSeconds:0.0} s");
            Assert.Empty(problems);
            Directory.Delete(work, recursive: true);
        }

        Assert.Empty(await LabCleanup.FindLeftoversAsync());
    }

    [LabHostFact]
    public async Task Every_fault_of_the_catalogue_changes_what_the_gateway_answers_and_removing_it_restores_it()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = new LabEnvironment();
        try
        {
            await lab.StartAsync(new LabOptions { ServiceAssemblyPath = LabHost.ServiceAssembly(), WorkDirectory = work }, null, CancellationToken.None);
            var products = $"{LabLayout.Gateway.BaseUrl}/api/products";
            var cart = $"{LabLayout.Gateway.BaseUrl}/api/cart/lab-test";
            await LabHost.ProbeAsync(LabLayout.Load, products, 5, 5);
            var healthy = await LabHost.ProbeAsync(LabLayout.Load, products, 10, 3, Gap);
            output.WriteLine($"healthy GET /api/products: {healthy}");
            Assert.Equal(10, healthy.Ok);

            // (fault, target, what it should do to the gateway's answers)
            var cases = new (string Fault, string Target, string Url, Func<ProbeResult, bool> Changed)[]
            {
                (LabFaultCatalog.ErrorBurst, "catalog", products, r => r.Failed >= 1),
                (LabFaultCatalog.SlowService, "catalog", products, r => r.MeanSeconds > healthy.MeanSeconds + 0.25),
                (LabFaultCatalog.ServiceDown, "catalog", products, r => r.Ok == 0),
                (LabFaultCatalog.SlowDatabase, "catalog-db", products, r => r.MeanSeconds > healthy.MeanSeconds + 0.1),
                (LabFaultCatalog.CpuSaturation, "catalog", products, r => r.MeanSeconds > Math.Max(2 * healthy.MeanSeconds, healthy.MeanSeconds + 0.05)),
                (LabFaultCatalog.PacketLoss, "gateway -> catalog", products, r => r.Failed + r.Slow >= 3),
                // Queueing behind the shaped rate varies with the load's bursts: measured +60 to +190 ms on the mean.
                (LabFaultCatalog.LinkLatency, "gateway -> catalog", products, r => r.Failed == 0 && (r.Slow >= 2 || r.MeanSeconds > healthy.MeanSeconds + 0.05)),
                (LabFaultCatalog.ErrorBurst, "cart", cart, r => r.Failed >= 1),
            };
            foreach (var (name, target, url, changed) in cases)
            {
                var fault = lab.CreateFault(name, target);
                await fault.ApplyAsync(CancellationToken.None);
                // Error bursts and packet loss hit a share of requests: more of them keep the check from being luck.
                var count = name is LabFaultCatalog.ErrorBurst or LabFaultCatalog.PacketLoss ? 20 : 10;
                var during = await LabHost.ProbeAsync(LabLayout.Load, url, count, 3, Gap);
                var removing = TimeProvider.System.GetTimestamp();
                await fault.RemoveAsync(CancellationToken.None);
                var removal = TimeProvider.System.GetElapsedTime(removing);
                var after = await RecoveredAsync(url);
                output.WriteLine($"{fault}: {during}; removed in {removal.TotalSeconds:0.00} s; then {after}");
                Assert.True(changed(during), $"{fault} did not change the gateway's answers: {during} (healthy {healthy})");
                Assert.Equal(5, after.Ok);
            }

            // memory_pressure: the real leak switch gets cart OOM-killed, the supervisor starts it again.
            var memory = lab.CreateFault(LabFaultCatalog.MemoryPressure, "cart");
            var applied = TimeProvider.System.GetTimestamp();
            await memory.ApplyAsync(CancellationToken.None);
            while (lab.ProcessStatus().Single(s => s.Member == "cart").Restarts == 0 && TimeProvider.System.GetElapsedTime(applied) < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(200);
            }

            var killedAfter = TimeProvider.System.GetElapsedTime(applied);
            var cartStatus = lab.ProcessStatus().Single(s => s.Member == "cart");
            await memory.RemoveAsync(CancellationToken.None);
            var recovered = await RecoveredAsync(cart);
            output.WriteLine($"{memory} ({memory.Description}): first OOM kill and restart after {killedAfter.TotalSeconds:0.0} s; {cartStatus}; then {recovered}");
            Assert.True(cartStatus.Restarts >= 1 && cartStatus.OomKills >= 1, $"{cartStatus}");
            Assert.Equal(137, cartStatus.LastExit?.ExitCode);
            Assert.Equal(5, recovered.Ok);
        }
        finally
        {
            Assert.Empty(await lab.StopAsync());
            Directory.Delete(work, recursive: true);
        }

        Assert.Empty(await LabCleanup.FindLeftoversAsync());
    }

    /// <summary>Probes until five requests in a row answer 200 (bounded: a restarted service needs a few seconds).</summary>
    private static async Task<ProbeResult> RecoveredAsync(string url)
    {
        ProbeResult result = new(0, 0, 0, 0, 0);
        for (var attempt = 0; attempt < 20 && result.Ok < 5; attempt++)
        {
            result = await LabHost.ProbeAsync(LabLayout.Load, url, 5, 3);
        }

        return result;
    }
}
