namespace RootCause.Contracts;

/// <summary>The role of a service in the system; fault trees use it to tell a slow database from a slow service.</summary>
public enum ServiceKind
{
    Service,
    Database,
    Cache,
    Queue,
    External,
}
