namespace RootCause.Agent.Aggregation;

/// <summary>A network edge: the instance that opened the connections → a destination instance or address.</summary>
internal readonly record struct EdgeKey(string Source, string Destination);
