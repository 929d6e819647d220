namespace RootCause.Contracts;

/// <summary>A reference to something in the topology. Edges name both ends: "a -> b".</summary>
public sealed record EntityRef(EntityKind Kind, string Name)
{
    public override string ToString() => $"{Noun(Kind)} {Name}";

    /// <summary>The kind as a reader says it: "network edge", not "networkedge".</summary>
    public static string Noun(EntityKind kind) => kind switch
    {
        EntityKind.CallEdge => "call edge",
        EntityKind.NetworkEdge => "network edge",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
