namespace RootCause.Agent.Identity;

/// <summary>One line of the operator's mapping file: a service name and what a process must match.</summary>
/// <param name="Key">"comm" (exact), "cmdline" (substring of the joined argv) or "cgroup" (substring).</param>
internal sealed record ServiceMappingRule(string Service, string Key, string Value)
{
    public bool Matches(ProcessInfo process) => Key switch
    {
        "comm" => string.Equals(process.Comm, Value, StringComparison.Ordinal),
        "cmdline" => string.Join(' ', process.CommandLine).Contains(Value, StringComparison.Ordinal),
        "cgroup" => process.CgroupPath?.Contains(Value, StringComparison.Ordinal) == true,
        _ => false,
    };
}
