namespace RootCause.Contracts;

/// <summary>Client-side golden metrics: the caller's view of a call edge over one interval.</summary>
/// <param name="Caller">The calling service.</param>
/// <param name="CallerInstance">The calling instance.</param>
/// <param name="Callee">The called service, or an external address ("ip:port", "host:port").</param>
/// <param name="Operation">Method and normalised route as sent.</param>
public sealed record CallSample(string Caller, string CallerInstance, string Callee, string Operation, RequestStats Stats);
