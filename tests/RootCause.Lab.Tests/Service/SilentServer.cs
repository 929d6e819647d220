using System.Net;
using System.Net.Sockets;

namespace RootCause.Lab.Tests.Service;

/// <summary>
/// A TCP server that accepts connections and then says nothing, or says the bytes it is given and closes: a hung or a
/// broken upstream, for the timeout and hostile-reply tests.
/// </summary>
internal sealed class SilentServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> accepted = [];
    private readonly CancellationTokenSource stop = new();

    public SilentServer(byte[]? reply = null)
    {
        listener.Start();
        _ = AcceptAsync(reply);
    }

    public IPEndPoint EndPoint => (IPEndPoint)listener.LocalEndpoint;

    public Uri Address => new($"http://127.0.0.1:{EndPoint.Port}/");

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (accepted)
        {
            accepted.ForEach(c => c.Dispose());
        }

        stop.Dispose();
    }

    private async Task AcceptAsync(byte[]? reply)
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                lock (accepted)
                {
                    accepted.Add(client);
                }

                if (reply is not null)
                {
                    // Wait for the request, then answer the given bytes and close.
                    var buffer = new byte[4096];
                    _ = await client.GetStream().ReadAsync(buffer, stop.Token);
                    await client.GetStream().WriteAsync(reply, stop.Token);
                    client.Client.Shutdown(SocketShutdown.Both);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
        }
    }
}
