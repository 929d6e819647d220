using System.Net;
using System.Net.Sockets;

namespace RootCause.Lab.Tests.AlertChain;

internal static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 now (the kernel's pick), for a server about to start.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
