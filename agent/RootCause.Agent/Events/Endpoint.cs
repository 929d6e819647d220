using System.Net;
using System.Net.Sockets;

namespace RootCause.Agent.Events;

/// <summary>An IP address and port; IPv4-mapped IPv6 addresses are stored as IPv4 so both ends of a dual-stack connection match.</summary>
internal readonly record struct Endpoint(IPAddress Address, int Port)
{
    public static Endpoint From(byte family, ReadOnlySpan<byte> address16, int port)
    {
        if (family == 2)
        {
            return new Endpoint(new IPAddress(address16[..4]), port);
        }

        var address = new IPAddress(address16);
        return new Endpoint(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, port);
    }

    public bool IsLoopback => IPAddress.IsLoopback(Address);

    public override string ToString() =>
        Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}
