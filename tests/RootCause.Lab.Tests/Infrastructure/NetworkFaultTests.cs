using Xunit.Abstractions;

namespace RootCause.Lab.Tests.Infrastructure;

[Collection(OneLabAtATime.Name)]
public sealed class NetworkFaultTests(ITestOutputHelper output)
{
    [LabHostFact]
    public async Task Packet_loss_on_checkout_to_payment_fails_or_slows_a_share_of_its_connects_only_and_is_removed_cleanly()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = await LabHost.StartNetworkAsync(work);
        try
        {
            var server = await LabHost.StartHttpServerAsync(lab, LabLayout.Payment, work);
            var url = $"{LabLayout.Payment.BaseUrl}/";
            var before = await LabHost.ProbeAsync(LabLayout.Checkout, url, 20, 1);
            Assert.Equal(20, before.Ok);

            var fault = new PacketLossFault(LabLayout.Link("checkout -> payment"), new LabFaultSettings().PacketLossPercent, TimeProvider.System);
            await fault.ApplyAsync(CancellationToken.None);
            var during = await LabHost.ProbeAsync(LabLayout.Checkout, url, 30, 1);
            var otherCaller = await LabHost.ProbeAsync(LabLayout.Gateway, url, 10, 1);
            var dropped = await fault.DroppedPacketsAsync(CancellationToken.None);
            await fault.RemoveAsync(CancellationToken.None);
            var after = await LabHost.ProbeAsync(LabLayout.Checkout, url, 20, 1);
            output.WriteLine($"checkout -> payment before {before}; during {during}, {dropped} packets dropped; gateway -> payment during {otherCaller}; after {after}");

            // Each request is a new connection of about five packets from checkout: at 30 % loss most lose one and
            // wait for a retransmission (a lost SYN waits 1 s, the probe's timeout).
            Assert.True(during.Failed >= 3, $"only {during.Failed} of 30 requests failed: {during}");
            Assert.True(during.Failed + during.Slow >= 8, $"{during}");
            Assert.True(dropped >= 10, $"the rule dropped {dropped} packets");
            Assert.Equal(10, otherCaller.Ok);
            Assert.Equal(20, after.Ok);
            Assert.True(after.MaxSeconds < 0.5, $"{after}");
            var tables = await LabNetwork.ExecAsync(LabLayout.Payment.Namespace, ["nft", "list", "tables"], CancellationToken.None);
            Assert.Equal(string.Empty, tables.Trim());
            LabHost.Kill(server);
        }
        finally
        {
            Assert.Empty(await lab.StopAsync());
            Directory.Delete(work, recursive: true);
        }
    }

    [LabHostFact]
    public async Task Link_latency_on_gateway_to_catalog_slows_a_transfer_to_the_gateway_only_and_is_removed_cleanly()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = await LabHost.StartNetworkAsync(work);
        try
        {
            // 256 KB: a second of the catalog's pages; at the default 1024 kbit/s it needs about 2 s.
            await File.WriteAllBytesAsync(Path.Combine(work, "blob"), new byte[256 * 1024]);
            var server = await LabHost.StartHttpServerAsync(lab, LabLayout.Catalog, work);
            var url = $"{LabLayout.Catalog.BaseUrl}/blob";
            var before = await LabHost.ProbeAsync(LabLayout.Gateway, url, 5, 10);

            var fault = new LinkLatencyFault(LabLayout.Link("gateway -> catalog"), new LabFaultSettings().LinkRateKbit, new LabFaultSettings().LinkQueuePackets, TimeProvider.System);
            await fault.ApplyAsync(CancellationToken.None);
            var during = await LabHost.ProbeAsync(LabLayout.Gateway, url, 3, 20);
            var otherCaller = await LabHost.ProbeAsync(LabLayout.Checkout, url, 3, 10);
            await fault.RemoveAsync(CancellationToken.None);
            var after = await LabHost.ProbeAsync(LabLayout.Gateway, url, 5, 10);
            output.WriteLine($"256 KB gateway <- catalog before {before}; during {during}; checkout <- catalog during {otherCaller}; after {after}");

            Assert.Equal(5, before.Ok);
            Assert.True(before.MeanSeconds < 0.3, $"{before}");
            Assert.Equal(3, during.Ok);
            Assert.True(during.MeanSeconds > 1.5, $"a 256 KB transfer took {during.MeanSeconds:0.00} s under the fault");
            Assert.True(otherCaller.MeanSeconds < 0.3, $"checkout's transfers were slowed too: {otherCaller}");
            Assert.Equal(5, after.Ok);
            Assert.True(after.MeanSeconds < 0.3, $"{after}");
            var qdisc = await LabNetwork.ExecAsync(LabLayout.Catalog.Namespace, ["tc", "qdisc", "show", "dev", "eth0"], CancellationToken.None);
            Assert.DoesNotContain("htb", qdisc, StringComparison.Ordinal);
            LabHost.Kill(server);
        }
        finally
        {
            Assert.Empty(await lab.StopAsync());
            Directory.Delete(work, recursive: true);
        }
    }

    [LabHostFact]
    public async Task A_second_network_fault_on_the_same_destination_is_refused_and_the_first_stays()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = await LabHost.StartNetworkAsync(work);
        try
        {
            var first = new PacketLossFault(LabLayout.Link("gateway -> cart"), 30, TimeProvider.System);
            var second = new PacketLossFault(LabLayout.Link("checkout -> cart"), 30, TimeProvider.System);
            await first.ApplyAsync(CancellationToken.None);

            var refused = await Assert.ThrowsAsync<LabException>(() => second.ApplyAsync(CancellationToken.None));

            Assert.Contains("another network fault is on cart", refused.Message, StringComparison.Ordinal);
            Assert.False(second.IsApplied);
            var rules = await LabNetwork.ExecAsync(LabLayout.Cart.Namespace, ["nft", "list", "ruleset"], CancellationToken.None);
            Assert.Contains("ip saddr 10.231.0.10 numgen random mod 100 < 30", rules, StringComparison.Ordinal);
        }
        finally
        {
            // The environment does not know this fault; teardown removes it with the namespace.
            Assert.Empty(await lab.StopAsync());
            Directory.Delete(work, recursive: true);
        }
    }
}
