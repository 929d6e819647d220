using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RootCause.Agent.Events;

/// <summary>struct rc_conn_event (104 bytes): addresses in network order, ports in host order.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct RcConnEvent
{
    public const int Size = 104;

    [FieldOffset(0)] public byte Kind;
    [FieldOffset(1)] public byte Role;
    [FieldOffset(2)] public byte Family;
    [FieldOffset(3)] public byte Flags;
    [FieldOffset(4)] public uint Pid;
    [FieldOffset(8)] public ulong ConnectionId;
    [FieldOffset(16)] public ulong TimestampNs;
    [FieldOffset(24)] public Address16 LocalAddress;
    [FieldOffset(40)] public Address16 RemoteAddress;
    [FieldOffset(56)] public ushort LocalPort;
    [FieldOffset(58)] public ushort RemotePort;
    [FieldOffset(60)] public uint SrttMicroseconds;

    /// <summary>For <see cref="EventKind.Drop"/>: the kernel's enum skb_drop_reason (a union with srtt_us in C).</summary>
    [FieldOffset(60)] public uint DropReason;
    [FieldOffset(64)] public ulong BytesAcked;
    [FieldOffset(72)] public ulong BytesReceived;
    [FieldOffset(80)] public uint TotalRetransmits;
    [FieldOffset(84)] public int Fd;
    [FieldOffset(88)] public Comm16 Comm;

    [InlineArray(16)]
    public struct Address16
    {
        private byte first;
    }

    [InlineArray(16)]
    public struct Comm16
    {
        private byte first;
    }
}
