using System.Runtime.InteropServices;

namespace RootCause.Agent.Events;

/// <summary>
/// The fixed head of struct rc_data_event; <see cref="PayloadMax"/> payload bytes follow. The direction byte is the
/// direction (bit 0), the protocol (bits 1-3) and the tail and after-loss flags.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct RcDataEventHeader
{
    public const int Size = 24;
    public const int PayloadMax = 512;
    public const byte AfterLossFlag = 0x80;

    /// <summary>RC_DIR_TAIL: the payload's last <see cref="PayloadTail"/> bytes are the syscall's last bytes.</summary>
    public const byte TailFlag = 0x40;
    public const int PayloadTail = 32;

    /// <summary>Bits 1-3 of the direction byte carry the connection's protocol (enum rc_proto).</summary>
    public const int ProtocolShift = 1;
    public const byte ProtocolMask = 0x0e;

    [FieldOffset(0)] public byte Kind;
    [FieldOffset(1)] public byte Direction;
    [FieldOffset(2)] public ushort Captured;
    [FieldOffset(4)] public uint Length;
    [FieldOffset(8)] public ulong ConnectionId;
    [FieldOffset(16)] public ulong TimestampNs;
}
