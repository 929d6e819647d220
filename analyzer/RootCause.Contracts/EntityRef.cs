namespace RootCause.Contracts;

/// <summary>A reference to something in the topology. Edges name both ends: "a -> b".</summary>
public sealed record EntityRef(EntityKind Kind, string Name)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Name}";
}
