namespace RootCause.Agent.Aggregation;

/// <summary>Server side: (service, operation, instance, caller).</summary>
internal readonly record struct GoldenKey(string Service, string Operation, string Instance, string Caller);
