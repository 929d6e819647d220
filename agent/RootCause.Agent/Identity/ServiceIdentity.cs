namespace RootCause.Agent.Identity;

/// <summary>Which service a process belongs to and the instance id it reports as.</summary>
/// <param name="Rule">The rule that named it: "mapping", "kubernetes", "container", "process".</param>
internal sealed record ServiceIdentity(string Service, string Instance, string Rule);
