using RootCause.Agent.Identity;

namespace RootCause.Agent.Connections;

/// <summary>A pid's resolved identity and the comm it was resolved under (a new comm means a reused pid).</summary>
internal sealed record ProcessIdentity(string Comm, ServiceIdentity Identity);
