using RootCause.Contracts;

namespace RootCause.Agent.Identity;

/// <summary>One line of the operator's mapping file: a service name, what a process must match, and optionally its kind.</summary>
/// <param name="Key">
/// "comm" (exact), "cmdline" (substring of the joined argv) or "cgroup" (whole path segments anywhere in the
/// path: "rclab/cart" matches /rclab/cart and /rclab/cart/worker, not /rclab/cart-cache).
/// </param>
/// <param name="Kind">The kind= the line gives; null when it gives none (the agent infers one).</param>
internal sealed record ServiceMappingRule(string Service, string Key, string Value, ServiceKind? Kind = null)
{
    public bool Matches(ProcessInfo process) => Key switch
    {
        "comm" => string.Equals(process.Comm, Value, StringComparison.Ordinal),
        "cmdline" => string.Join(' ', process.CommandLine).Contains(Value, StringComparison.Ordinal),
        "cgroup" => process.CgroupPath is { } path && HasSegments(path, Value.Trim('/')),
        _ => false,
    };

    private static bool HasSegments(string path, string segments)
    {
        if (segments.Length == 0)
        {
            return false;
        }

        for (var at = path.IndexOf(segments, StringComparison.Ordinal); at >= 0; at = path.IndexOf(segments, at + 1, StringComparison.Ordinal))
        {
            var end = at + segments.Length;
            if ((at == 0 || path[at - 1] == '/') && (end == path.Length || path[end] == '/'))
            {
                return true;
            }
        }

        return false;
    }
}
