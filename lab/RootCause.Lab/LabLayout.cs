namespace RootCause.Lab;

/// <summary>Placeholder; the lab's layout is written by the lab's authors.</summary>
public static class LabLayout
{
    /// <summary>Every name the lab creates (namespaces, links, nftables tables, cgroups) starts with this.</summary>
    public const string Prefix = "rclab";
}
