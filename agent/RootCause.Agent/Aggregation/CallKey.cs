namespace RootCause.Agent.Aggregation;

/// <summary>Client side: (caller, caller instance, callee, operation).</summary>
internal readonly record struct CallKey(string Caller, string CallerInstance, string Callee, string Operation);
