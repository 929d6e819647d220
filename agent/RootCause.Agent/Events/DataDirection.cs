namespace RootCause.Agent.Events;

/// <summary>enum rc_direction: whether the process wrote or read the bytes.</summary>
internal enum DataDirection : byte
{
    Egress = 0,
    Ingress = 1,
}
