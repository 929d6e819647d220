namespace RootCause.Agent.Events;

/// <summary>enum rc_event_kind of bpf/include/rc_events.h.</summary>
internal enum EventKind : byte
{
    Data = 1,
    Open = 2,
    ConnectFailure = 3,
    Close = 4,
    Stats = 5,
    Retransmit = 6,
    Reset = 7,
    Drop = 8,
    OomKill = 9,
}
