using System.Net;
using System.Net.Sockets;

namespace RootCause.Lab.Service.Redis;

/// <summary>One TCP connection to the server, used by one caller at a time; discarded after any failure.</summary>
internal sealed class RespConnection : IDisposable
{
    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly RespReader reader;

    private RespConnection(Socket socket, RespLimits? limits)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: true);
        reader = new RespReader(stream, limits);
    }

    /// <summary>
    /// True when an idle connection can no longer be trusted: the server closed it (readable with nothing to read,
    /// e.g. after a restart) or sent bytes nobody asked for.
    /// </summary>
    public bool IsBroken
    {
        get
        {
            try
            {
                return reader.HasBufferedData || (socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0) || !socket.Connected;
            }
            catch (SocketException)
            {
                return true;
            }
            catch (ObjectDisposedException)
            {
                return true;
            }
        }
    }

    public static async Task<RespConnection> ConnectAsync(EndPoint endPoint, RespLimits? limits, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken);
            return new RespConnection(socket, limits);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Writes the commands in one send and reads one reply per command, in order.</summary>
    public async Task<IReadOnlyList<RespValue>> ExecuteAsync(IReadOnlyList<IReadOnlyList<string>> commands, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(RespWriter.Encode(commands), cancellationToken);
        var replies = new RespValue[commands.Count];
        for (var i = 0; i < replies.Length; i++)
        {
            replies[i] = await reader.ReadAsync(cancellationToken);
        }

        return replies;
    }

    public void Dispose() => stream.Dispose();
}
