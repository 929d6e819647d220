namespace RootCause.Agent.Protocols;

/// <summary>One request and its response on a database or cache connection, as one side of it saw them.</summary>
/// <param name="Operation">What was asked, in the protocol's words: a statement kind (SELECT) or a command (HGETALL).</param>
/// <param name="Failed">The server answered with an error, or the connection closed before it answered.</param>
/// <param name="LatencyNs">From the request's first byte to the end of its response, as this side saw them.</param>
internal readonly record struct ProtocolExchange(string Operation, bool Failed, long LatencyNs);
