namespace RootCause.Agent.Events;

/// <summary>enum rc_role: which end of the connection the watched process is.</summary>
internal enum ConnectionRole : byte
{
    Unknown = 0,
    Client = 1,
    Server = 2,
}
