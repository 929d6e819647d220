namespace RootCause.Lab;

/// <summary>A call from one member to another: the link a network fault is put on.</summary>
public sealed record LabLink(LabMember Source, LabMember Destination)
{
    public override string ToString() => $"{Source.Name} -> {Destination.Name}";
}
