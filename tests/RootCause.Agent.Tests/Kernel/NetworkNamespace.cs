using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Win32.SafeHandles;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>
/// A network namespace made by the test, joined to this one by a veth pair (host 10.231.N.1, namespace
/// 10.231.N.2), optionally with an nftables rule inside it that drops a share of inbound data segments.
/// Everything lives inside the namespace or on the veth, so deleting the namespace removes it all.
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private readonly string hostVeth;

    public NetworkNamespace(int subnet, int? dropPercent, int port)
    {
        Name = $"rc-test-{Environment.ProcessId}-{subnet}";
        hostVeth = $"rct{Environment.ProcessId % 100000}h{subnet}";
        var peerVeth = $"rct{Environment.ProcessId % 100000}n{subnet}";
        HostAddress = IPAddress.Parse($"10.231.{subnet}.1");
        Address = IPAddress.Parse($"10.231.{subnet}.2");
        Cleanup();
        try
        {
            Run("ip", $"netns add {Name}");
            Run("ip", $"link add {hostVeth} type veth peer name {peerVeth}");
            Run("ip", $"link set {peerVeth} netns {Name}");
            Run("ip", $"addr add {HostAddress}/30 dev {hostVeth}");
            Run("ip", $"link set {hostVeth} up");
            Run("ip", $"netns exec {Name} ip addr add {Address}/30 dev {peerVeth}");
            Run("ip", $"netns exec {Name} ip link set {peerVeth} up");
            Run("ip", $"netns exec {Name} ip link set lo up");

            // The peer acknowledges every segment at once: with delayed ACKs the sender's tail-loss probe
            // fires now and then on a clean path, and "no retransmits on the clean edge" would be luck.
            Run("ip", $"netns exec {Name} ip route replace 10.231.{subnet}.0/30 dev {peerVeth} src {Address} quickack 1");
            if (dropPercent is { } percent)
            {
                // Only data segments (longer than bare ACKs) are dropped, so handshakes stay quick.
                Run("ip", $"netns exec {Name} nft add table inet rctest");
                Run("ip", $"netns exec {Name} nft add chain inet rctest input {{ type filter hook input priority 0 ; }}");
                Run("ip", $"netns exec {Name} nft add rule inet rctest input tcp dport {port} ip length gt 200 numgen random mod 100 lt {percent} drop");
            }
        }
        catch
        {
            Cleanup();
            throw;
        }
    }

    public string Name { get; }

    public IPAddress HostAddress { get; }

    public IPAddress Address { get; }

    /// <summary>A listening socket inside the namespace (created by a thread that enters it and leaves).</summary>
    public Socket Listen(int port)
    {
        Socket? listener = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var original = File.OpenHandle("/proc/thread-self/ns/net");
                using var target = File.OpenHandle($"/var/run/netns/{Name}");
                Enter(target);
                try
                {
                    listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    listener.Bind(new IPEndPoint(Address, port));
                    listener.Listen(16);
                }
                finally
                {
                    Enter(original);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        return failure is null ? listener! : throw new InvalidOperationException("could not listen inside " + Name, failure);
    }

    public void Dispose() => Cleanup();

    private static void Enter(SafeFileHandle ns)
    {
        if (NativeMethods.SetNs((int)ns.DangerousGetHandle(), NativeMethods.CloneNewNet) != 0)
        {
            throw new InvalidOperationException("setns failed: errno " + System.Runtime.InteropServices.Marshal.GetLastPInvokeError());
        }
    }

    private void Cleanup()
    {
        // Deleting the namespace removes its veth end, the pair, and its nftables table.
        TryRun("ip", $"netns del {Name}");
        TryRun("ip", $"link del {hostVeth}");
    }

    private static void Run(string tool, string arguments)
    {
        var (code, output) = Exec(tool, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"{tool} {arguments} failed ({code}): {output}");
        }
    }

    private static void TryRun(string tool, string arguments) => Exec(tool, arguments);

    private static (int Code, string Output) Exec(string tool, string arguments)
    {
        var start = new ProcessStartInfo(KernelEnvironment.FindOnPath(tool) ?? tool, arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }
}
