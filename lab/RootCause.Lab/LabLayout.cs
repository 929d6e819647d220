using System.Net;

namespace RootCause.Lab;

/// <summary>
/// The lab's names, addresses and ports in one place (see the lab contract): a bridge on the host, one network
/// namespace, veth pair and cgroup per member, every object's name starting with <see cref="Prefix"/>.
/// </summary>
public static class LabLayout
{
    /// <summary>Every name the lab creates (namespaces, links, nftables tables, cgroups) starts with this.</summary>
    public const string Prefix = "rclab";

    /// <summary>The bridge on the host that every member's veth is enslaved to.</summary>
    public const string BridgeName = "rclab-br0";

    /// <summary>Prefix length of the lab's subnet (10.231.0.0/24).</summary>
    public const int SubnetPrefixLength = 24;

    /// <summary>The lab's subnet, as nftables, pg_hba.conf and ip write it.</summary>
    public const string Subnet = "10.231.0.0/24";

    /// <summary>Port of the lab's HTTP services.</summary>
    public const int ServicePort = 8080;

    /// <summary>The directory under each cgroup hierarchy's root that holds one cgroup per member.</summary>
    public const string CgroupRoot = "rclab";

    /// <summary>The nftables table (family inet) that network faults add inside a member's namespace.</summary>
    public const string FaultTable = "rclab_fault";

    /// <summary>Linux limits interface names to 15 characters (IFNAMSIZ - 1).</summary>
    public const int MaximumInterfaceName = 15;

    /// <summary>The host's address on the bridge; namespaces route through it to reach the host.</summary>
    public static IPAddress BridgeAddress { get; } = IPAddress.Parse("10.231.0.1");

    public static LabMember Gateway { get; } = new("gateway", IPAddress.Parse("10.231.0.10"), ServicePort, LabMemberKind.Service);

    public static LabMember Catalog { get; } = new("catalog", IPAddress.Parse("10.231.0.11"), ServicePort, LabMemberKind.Service);

    public static LabMember Cart { get; } = new("cart", IPAddress.Parse("10.231.0.12"), ServicePort, LabMemberKind.Service);

    public static LabMember Checkout { get; } = new("checkout", IPAddress.Parse("10.231.0.13"), ServicePort, LabMemberKind.Service);

    public static LabMember Payment { get; } = new("payment", IPAddress.Parse("10.231.0.14"), ServicePort, LabMemberKind.Service);

    public static LabMember CatalogDb { get; } = new("catalog-db", IPAddress.Parse("10.231.0.20"), 5432, LabMemberKind.Database);

    public static LabMember CartCache { get; } = new("cart-cache", IPAddress.Parse("10.231.0.21"), 6379, LabMemberKind.Cache);

    public static LabMember Load { get; } = new("load", IPAddress.Parse("10.231.0.30"), null, LabMemberKind.LoadGenerator);

    /// <summary>Every member, data stores first, then services from the leaves up, the load generator last: the start order.</summary>
    public static IReadOnlyList<LabMember> Members { get; } = [CatalogDb, CartCache, Payment, Catalog, Cart, Checkout, Gateway, Load];

    /// <summary>The HTTP services (every member that runs rootcause-lab-service with a listener).</summary>
    public static IReadOnlyList<LabMember> Services { get; } = [Payment, Catalog, Cart, Checkout, Gateway];

    /// <summary>Who calls whom: the caller is the link's source.</summary>
    public static IReadOnlyList<LabLink> Calls { get; } =
    [
        new(Load, Gateway), new(Gateway, Catalog), new(Gateway, Cart), new(Gateway, Checkout),
        new(Checkout, Cart), new(Checkout, Payment), new(Catalog, CatalogDb), new(Cart, CartCache),
    ];

    /// <summary>The member with this name; <see cref="ArgumentException"/> naming the members when there is none.</summary>
    public static LabMember Member(string name) =>
        Members.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"no lab member '{name}'; members: {string.Join(", ", Members.Select(m => m.Name))}", nameof(name));

    /// <summary>
    /// The call link written "source -> destination" (also "source->destination" or with "→");
    /// <see cref="ArgumentException"/> when it is not one of <see cref="Calls"/>.
    /// </summary>
    public static LabLink Link(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Replace("→", "->", StringComparison.Ordinal).Split("->", StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new ArgumentException($"a link is written \"source -> destination\", got \"{text}\"", nameof(text));
        }

        var source = Member(parts[0]);
        var destination = Member(parts[1]);
        return Calls.FirstOrDefault(c => c.Source == source && c.Destination == destination)
            ?? throw new ArgumentException($"{source.Name} does not call {destination.Name}; links: {string.Join(", ", Calls)}", nameof(text));
    }
}
