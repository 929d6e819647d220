namespace RootCause.Agent.Http;

/// <summary>A request waiting for its response (several when pipelined).</summary>
internal readonly record struct PendingRequest(string Method, string Target, long StartNs);
