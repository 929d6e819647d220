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

    public void Add(RequestOutcome outcome, double latencySeconds)
    {
        requests++;
        if (outcome == RequestOutcome.Error)
        {
            errors++;
        }
        else if (outcome == RequestOutcome.ClientError)
        {
            clientErrors++;
        }

        latencySumSeconds += latencySeconds;
        buckets[LatencyBuckets.IndexOf(latencySeconds)]++;
    }

    public RequestStats ToStats() => new(requests, errors, clientErrors, latencySumSeconds, buckets.ToArray());
}
