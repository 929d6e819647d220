namespace RootCause.Server.Messaging;

public enum BusTransport
{
    /// <summary>In-process: one machine, nothing to set up.</summary>
    InMemory,
}
