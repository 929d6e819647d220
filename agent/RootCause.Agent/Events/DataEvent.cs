using RootCause.Agent.Protocols;

namespace RootCause.Agent.Events;

/// <summary>The header of one data record: which connection, which way, what it speaks, how many bytes moved and when.</summary>
/// <param name="AfterLoss">Earlier data of this connection was lost (the ring buffer was full).</param>
/// <param name="Length">Bytes the syscall moved, copied or not.</param>
/// <param name="TimestampNs">CLOCK_MONOTONIC at the syscall's exit.</param>
internal readonly record struct DataEvent(ulong ConnectionId, DataDirection Direction, L7Protocol Protocol, bool AfterLoss, long Length, long TimestampNs)
{
    /// <summary>Bytes between the head and the tail that the kernel did not copy.</summary>
    public long Gap(int head, int tail) => Math.Max(0, Length - head - tail);
}
