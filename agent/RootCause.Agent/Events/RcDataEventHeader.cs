using System.Runtime.InteropServices;

namespace RootCause.Agent.Events;

/// <summary>The fixed head of struct rc_data_event; <see cref="PayloadMax"/> payload bytes follow.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct RcDataEventHeader
{
    public const int Size = 24;
    public const int PayloadMax = 512;
    public const byte AfterLossFlag = 0x80;

    [FieldOffset(0)] public byte Kind;
    [FieldOffset(1)] public byte Direction;
    [FieldOffset(2)] public ushort Captured;
    [FieldOffset(4)] public uint Length;
    [FieldOffset(8)] public ulong ConnectionId;
    [FieldOffset(16)] public ulong TimestampNs;
}
