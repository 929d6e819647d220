using System.Net;

namespace RootCause.Lab;

/// <summary>One member of the lab: a service, a data store or the load generator, with its own namespace and cgroup.</summary>
/// <param name="Name">The name users and reports know it by ("payment", "catalog-db").</param>
/// <param name="Address">Its address on the lab's bridge (eth0 in its namespace).</param>
/// <param name="Port">The port it listens on; null for the load generator.</param>
public sealed record LabMember(string Name, IPAddress Address, int? Port, LabMemberKind Kind)
{
    /// <summary>Its network namespace, "rclab-&lt;name&gt;".</summary>
    public string Namespace => $"{LabLayout.Prefix}-{Name}";

    /// <summary>
    /// The host side of its veth pair: "rclab-&lt;name&gt;" without dashes in the name when that is too long for an
    /// interface ("rclab-catalogdb"), so every member's link name is derived one way.
    /// </summary>
    public string HostLink
    {
        get
        {
            var full = $"{LabLayout.Prefix}-{Name}";
            if (full.Length <= LabLayout.MaximumInterfaceName)
            {
                return full;
            }

            var squeezed = $"{LabLayout.Prefix}-{Name.Replace("-", string.Empty, StringComparison.Ordinal)}";
            return squeezed.Length <= LabLayout.MaximumInterfaceName ? squeezed : squeezed[..LabLayout.MaximumInterfaceName];
        }
    }

    /// <summary>Its cgroup relative to each hierarchy's root, "rclab/&lt;name&gt;" (what the agent's mapping matches).</summary>
    public string Cgroup => $"{LabLayout.CgroupRoot}/{Name}";

    /// <summary>Where it listens; <see cref="InvalidOperationException"/> for the load generator.</summary>
    public IPEndPoint EndPoint => Port is { } port
        ? new IPEndPoint(Address, port)
        : throw new InvalidOperationException($"{Name} does not listen");

    /// <summary>"http://IP:PORT" of an HTTP service.</summary>
    public string BaseUrl => $"http://{Address}:{Port}";

    public override string ToString() => Name;
}
