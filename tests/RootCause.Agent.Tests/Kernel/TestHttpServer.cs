using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>
/// A loopback HTTP/1.1 server with known answers: ".../ok" 200, ".../missing" 404, ".../fail" 503,
/// ".../chunked" 200 chunked; "?delay=N" waits N ms first. Keep-alive and pipelining supported.
/// </summary>
internal sealed class TestHttpServer : IDisposable
{
    private readonly Socket listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource stop = new();
    private readonly List<Socket> accepted = [];

    public TestHttpServer()
    {
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(128);
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        _ = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    public void Dispose()
    {
        stop.Cancel();
        listener.Dispose();
        lock (accepted)
        {
            foreach (var socket in accepted)
            {
                socket.Dispose();
            }
        }

        stop.Dispose();
    }

    private void AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (accepted)
            {
                accepted.Add(connection);
            }

            var thread = new Thread(() => Serve(connection)) { IsBackground = true };
            thread.Start();
        }
    }

    private static void Serve(Socket connection)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                var read = connection.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                while (TryTakeRequest(buffer, ref filled, out var target))
                {
                    Respond(connection, target);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            connection.Dispose();
        }
    }

    private static bool TryTakeRequest(byte[] buffer, ref int filled, out string target)
    {
        target = string.Empty;
        var end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return false;
        }

        var head = Encoding.ASCII.GetString(buffer, 0, end);
        var lines = head.Split("\r\n");
        target = lines[0].Split(' ')[1];
        var length = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
        var total = end + 4 + length;
        if (filled < total)
        {
            return false;
        }

        Buffer.BlockCopy(buffer, total, buffer, 0, filled - total);
        filled -= total;
        return true;
    }

    private static void Respond(Socket connection, string target)
    {
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        if (query >= 0 && target[(query + 1)..].StartsWith("delay=", StringComparison.Ordinal))
        {
            Thread.Sleep(int.Parse(target[(query + 7)..], CultureInfo.InvariantCulture));
        }

        string response;
        if (path.EndsWith("/chunked", StringComparison.Ordinal))
        {
            response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        }
        else
        {
            var status = path.EndsWith("/missing", StringComparison.Ordinal) ? "404 Not Found"
                : path.EndsWith("/fail", StringComparison.Ordinal) ? "503 Service Unavailable"
                : "200 OK";
            response = $"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";
        }

        connection.Send(Encoding.ASCII.GetBytes(response));
    }
}
