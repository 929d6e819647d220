using System.Net;
using System.Net.Sockets;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>
/// Packet loss injected inside a test-made network namespace shows up as retransmits and kernel drops
/// (kfree_skb, reason NETFILTER_DROP) on that edge only.
/// </summary>
[Collection(KernelTestGroup.Name)]
public sealed class KernelNetworkTests
{
    private const int Port = 9311;
    private readonly KernelAgentFixture agent;

    public KernelNetworkTests(KernelAgentFixture agent)
    {
        this.agent = agent;
    }

    [RootFact("ip", "nft")]
    public async Task Retransmits_and_drops_appear_on_the_lossy_edge_and_not_on_the_clean_one()
    {
        KernelEnvironment.Require("ip", "nft");
        using var lossy = new NetworkNamespace(subnet: 1, dropPercent: 30, Port);
        using var clean = new NetworkNamespace(subnet: 2, dropPercent: null, Port);
        using var lossyListener = lossy.Listen(Port);
        using var cleanListener = clean.Listen(Port);
        await agent.ResetAsync();
        var netfilterDropsBefore = NetfilterDrops();

        // Nobody accepts: the kernel completes the handshakes and ACKs the data into the receive queues.
        var sending = new[] { Send(lossy.Address), Send(clean.Address) };
        await Task.WhenAll(sending).WaitAsync(TimeSpan.FromSeconds(60));
        var batch = await agent.CollectAsync();

        var lossyEdge = batch.Network.Single(n => n.Destination == $"{lossy.Address}:{Port}");
        var cleanEdge = batch.Network.Single(n => n.Destination == $"{clean.Address}:{Port}");
        Assert.Equal((1L, 1L), (lossyEdge.Connects, cleanEdge.Connects));
        Assert.True(lossyEdge.Retransmits > 0, $"no retransmits on the lossy edge: {lossyEdge}");
        Assert.Equal(0, cleanEdge.Retransmits);
        Assert.Equal(lossyEdge.SourceInstance, cleanEdge.SourceInstance);

        // Each retransmission answers one drop by the rule; the drops happened on the namespace's socket, the
        // peer of the tracked client.
        Assert.True(lossyEdge.Drops > 0, $"no drops on the lossy edge: {lossyEdge}");
        Assert.Equal(0, cleanEdge.Drops);
        Assert.True(NetfilterDrops() - netfilterDropsBefore >= lossyEdge.Drops, $"drops not named NETFILTER_DROP: {agent.Engine.Counters}");
    }

    private long NetfilterDrops() => agent.Engine.Counters.DropReasons.GetValueOrDefault("NETFILTER_DROP");

    /// <summary>Sends 48 KiB in 1 KiB segments and waits until the peer has acknowledged all of it.</summary>
    private static async Task Send(IPAddress address)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(address, Port));
        var segment = new byte[1024];
        for (var i = 0; i < 48; i++)
        {
            await socket.SendAsync(segment);
            await Task.Delay(2);
        }

        socket.Shutdown(SocketShutdown.Send);
        var deadline = Environment.TickCount64 + 20_000;
        while (Environment.TickCount64 < deadline && !SendQueueEmpty(socket))
        {
            await Task.Delay(50);
        }
    }

    private static bool SendQueueEmpty(Socket socket)
    {
        return NativeMethods.IoctlInt(socket.Handle, NativeMethods.SiocOutQ, out var unacknowledged) != 0 || unacknowledged == 0;
    }
}
