using System.Net;
using System.Net.Sockets;
using RootCause.Agent.Connections;
using RootCause.Agent.Events;

namespace RootCause.Agent.Pipeline;

/// <summary>Opens the shipper's connections and records their local endpoints in <see cref="OwnEndpoints"/>.</summary>
internal static class OwnConnection
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, OwnEndpoints own, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            if (socket.LocalEndPoint is IPEndPoint local)
            {
                var address = local.Address.IsIPv4MappedToIPv6 ? local.Address.MapToIPv4() : local.Address;
                own.Add(new Endpoint(address, local.Port));
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
