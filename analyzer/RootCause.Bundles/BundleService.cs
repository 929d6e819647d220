using RootCause.Contracts;

namespace RootCause.Bundles;

/// <summary>A declared service and its role.</summary>
public sealed record BundleService(string Name, ServiceKind Kind);
