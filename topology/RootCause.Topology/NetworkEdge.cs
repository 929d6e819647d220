namespace RootCause.Topology;

/// <summary>TCP traffic from instance <see cref="Source"/> to an instance or address <see cref="Destination"/>.</summary>
public sealed record NetworkEdge(string Source, string Destination)
{
    public string Name => $"{Source} -> {Destination}";

    public static bool TryParse(string name, out NetworkEdge edge)
    {
        var i = name.IndexOf(" -> ", StringComparison.Ordinal);
        edge = i < 0 ? new NetworkEdge("", "") : new NetworkEdge(name[..i], name[(i + 4)..]);
        return i >= 0;
    }
}
