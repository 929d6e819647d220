using RootCause.Contracts;

namespace RootCause.Simulation;

/// <summary>The fault that was injected: what, where, and when.</summary>
public sealed record FaultSpec(FaultKind Kind, string FaultClass, EntityRef Target, DateTimeOffset Onset, TimeSpan Duration);
