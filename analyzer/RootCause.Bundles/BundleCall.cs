namespace RootCause.Bundles;

/// <summary>A declared call edge: service <see cref="Caller"/> calls <see cref="Callee"/> (a service or an external endpoint).</summary>
public sealed record BundleCall(string Caller, string Callee);
