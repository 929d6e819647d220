using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>A minimal HTTP/1.1 client on one connection: sequential (keep-alive) or pipelined requests.</summary>
internal sealed class RawHttpClient : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] buffer = new byte[64 * 1024];
    private int filled;

    public RawHttpClient(int port)
    {
        socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
    }

    /// <summary>Sends one request and reads its response; returns the status.</summary>
    public int Get(string target)
    {
        socket.Send(Request(target));
        return ReadResponse();
    }

    /// <summary>Sends every request in one write, then reads the responses in order.</summary>
    public IReadOnlyList<int> Pipeline(IReadOnlyList<string> targets)
    {
        socket.Send(targets.SelectMany(Request).ToArray());
        return targets.Select(_ => ReadResponse()).ToArray();
    }

    public void Dispose() => socket.Dispose();

    private static byte[] Request(string target) => Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: test\r\n\r\n");

    private int ReadResponse()
    {
        var head = ReadUntil("\r\n\r\n"u8);
        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                var size = int.Parse(ReadUntil("\r\n"u8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                Take(size + 2);
                if (size == 0)
                {
                    break;
                }
            }
        }
        else if (headers.TryGetValue("Content-Length", out var length))
        {
            Take(int.Parse(length, CultureInfo.InvariantCulture));
        }

        return status;
    }

    private string ReadUntil(ReadOnlySpan<byte> delimiter)
    {
        while (true)
        {
            var end = buffer.AsSpan(0, filled).IndexOf(delimiter);
            if (end >= 0)
            {
                var text = Encoding.ASCII.GetString(buffer, 0, end);
                Consume(end + delimiter.Length);
                return text;
            }

            Fill();
        }
    }

    private void Take(int count)
    {
        while (filled < count)
        {
            Fill();
        }

        Consume(count);
    }

    private void Fill()
    {
        var read = socket.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
        if (read == 0)
        {
            throw new IOException("server closed the connection");
        }

        filled += read;
    }

    private void Consume(int count)
    {
        Buffer.BlockCopy(buffer, count, buffer, 0, filled - count);
        filled -= count;
    }
}
