namespace RootCause.Contracts;

public enum ResourceKind
{
    Instance,
    Node,
}
