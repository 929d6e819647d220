namespace RootCause.Agent.Events;

/// <summary>A decoded struct rc_conn_event: a connection opened, failed, closed, sampled, retransmitted or reset.</summary>
internal sealed record ConnectionEvent(
    EventKind Kind,
    ConnectionRole Role,
    uint Pid,
    ulong ConnectionId,
    long TimestampNs,
    Endpoint Local,
    Endpoint Remote,
    uint SrttMicroseconds,
    ulong BytesAcked,
    ulong BytesReceived,
    uint TotalRetransmits,
    int Fd,
    string Comm,
    byte Flags,
    uint DropReason = 0)
{
    /// <summary>For <see cref="EventKind.Reset"/>: the reset came from the peer.</summary>
    public bool ResetReceived => (Flags & 1) != 0;
}
