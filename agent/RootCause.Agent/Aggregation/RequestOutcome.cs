namespace RootCause.Agent.Aggregation;

/// <summary>How a request ended, as the golden metrics count it.</summary>
internal enum RequestOutcome
{
    Ok,

    /// <summary>The caller's fault (HTTP 4xx).</summary>
    ClientError,

    /// <summary>The server's failure: HTTP 5xx, an error reply, or no answer at all.</summary>
    Error,
}
