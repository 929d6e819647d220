using RootCause.Agent.Aggregation;

namespace RootCause.Agent.Http;

/// <summary>One request and its response (or its failure) as one side of a connection saw them.</summary>
/// <param name="Method">Request method, e.g. "GET".</param>
/// <param name="Target">Request target as sent (path and query).</param>
/// <param name="Status">Response status; 0 when no response came (connection closed or reset).</param>
/// <param name="LatencyNs">From the first request bytes to the first response bytes, as this side saw them.</param>
internal readonly record struct HttpExchange(string Method, string Target, int Status, long LatencyNs)
{
    /// <summary>5xx and no response are errors, 4xx the client's.</summary>
    public RequestOutcome Outcome => Status is >= 500 or 0 ? RequestOutcome.Error : Status >= 400 ? RequestOutcome.ClientError : RequestOutcome.Ok;
}
