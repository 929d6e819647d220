using System.Runtime.InteropServices;

namespace RootCause.Agent.Events;

/// <summary>struct rc_task_event (32 bytes): an event about a process (OOM kill).</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct RcTaskEvent
{
    public const int Size = 32;

    [FieldOffset(0)] public byte Kind;
    [FieldOffset(4)] public uint Pid;
    [FieldOffset(8)] public ulong TimestampNs;
    [FieldOffset(16)] public RcConnEvent.Comm16 Comm;
}
