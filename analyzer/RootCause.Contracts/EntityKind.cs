namespace RootCause.Contracts;

public enum EntityKind
{
    Service,
    Instance,
    Node,
    External,
    CallEdge,
    NetworkEdge,
}
