using RootCause.Contracts;

namespace RootCause.Agent.Aggregation;

/// <summary>Counts and the latency histogram of one key over one interval.</summary>
internal sealed class RequestStatsAccumulator
{
    private readonly long[] buckets = new long[LatencyBuckets.Count];
    private long requests;
    private long errors;
    private long clientErrors;
    private double latencySumSeconds;

    /// <param name="status">HTTP status; 0 when the request got no response (counted as an error).</param>
    public void Add(int status, double latencySeconds)
    {
        requests++;
        if (status >= 500 || status == 0)
        {
            errors++;
        }
        else if (status >= 400)
        {
            clientErrors++;
        }

        latencySumSeconds += latencySeconds;
        buckets[LatencyBuckets.IndexOf(latencySeconds)]++;
    }

    public RequestStats ToStats() => new(requests, errors, clientErrors, latencySumSeconds, buckets.ToArray());
}
