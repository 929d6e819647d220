namespace RootCause.Lab.AlertChain;

/// <summary>One element of an instant vector Prometheus returned for a query.</summary>
public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, DateTimeOffset At, double Value);
