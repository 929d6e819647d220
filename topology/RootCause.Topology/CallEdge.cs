namespace RootCause.Topology;

/// <summary>Service <see cref="Caller"/> calls service (or external endpoint) <see cref="Callee"/>.</summary>
public sealed record CallEdge(string Caller, string Callee)
{
    public string Name => $"{Caller} -> {Callee}";
}
