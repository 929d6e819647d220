namespace RootCause.Lab;

/// <summary>One lab object still on the host: its kind ("namespace", "link", "nftables table", "cgroup", "process", "iptables rule") and name.</summary>
public sealed record LabLeftover(string Kind, string Name)
{
    public override string ToString() => $"{Kind} {Name}";
}
