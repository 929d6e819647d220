using RootCause.Contracts;

namespace RootCause.Server.Tests.Integration;

/// <summary>
/// A tiny deterministic incident: frontend (node-1) calls backend (node-2) for 70 one-minute intervals;
/// backend's latency jumps from ~20 ms to ~800 ms for the last 10, and frontend's follows.
/// </summary>
internal static class IncidentData
{
    public const int Intervals = 70;
    public const int Onset = 60;

    public static readonly DateTimeOffset Start = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>When the alert fires: three minutes into the slowdown.</summary>
    public static DateTimeOffset AlertAt => Start.AddMinutes(Onset + 3);

    private static readonly InstanceInfo Frontend = new("frontend-1", "frontend", "node-1", "10.0.0.1:8080");
    private static readonly InstanceInfo Backend = new("backend-1", "backend", "node-2", "10.0.0.2:8080");

    public static IEnumerable<MetricBatch> Batches()
    {
        for (var i = 0; i < Intervals; i++)
        {
            var at = Start.AddMinutes(i);
            var requests = 600 + (long)(40 * Jitter(i, 1));
            var backendLatency = (i >= Onset ? 0.8 : 0.02) * (1 + (0.1 * Jitter(i, 2)));
            var frontendLatency = 0.01 + backendLatency;
            yield return new MetricBatch(
                "agent-1", "node-1", at, 60,
                [Frontend],
                [new GoldenSample("frontend", "GET /cart", "frontend-1", "external", Stats(requests, frontendLatency))],
                [new CallSample("frontend", "frontend-1", "backend", "GET /items", Stats(requests, backendLatency + 0.001))],
                [new NetworkSample("frontend-1", Backend.Address!, 5, 0, (long)(3 * Jitter(i, 3)), 0.0005 * 100, 100, 0, 0, requests * 900, requests * 4000)],
                [
                    new ResourceSample(ResourceKind.Instance, "frontend-1", 6 + Jitter(i, 4), 2, 300_000_000 + (long)(1_000_000 * Jitter(i, 5)), 1_000_000_000, 0.1 * Jitter(i, 6), 0),
                    new ResourceSample(ResourceKind.Node, "node-1", 20 + Jitter(i, 7), 4, 4_000_000_000, 16_000_000_000, 0.2 * Jitter(i, 8), 0),
                ]);
            yield return new MetricBatch(
                "agent-2", "node-2", at, 60,
                [Backend],
                [new GoldenSample("backend", "GET /items", "backend-1", "frontend", Stats(requests, backendLatency))],
                [],
                [],
                [
                    new ResourceSample(ResourceKind.Instance, "backend-1", 9 + Jitter(i, 9), 2, 500_000_000 + (long)(1_000_000 * Jitter(i, 10)), 1_000_000_000, 0.1 * Jitter(i, 11), 0),
                    new ResourceSample(ResourceKind.Node, "node-2", 25 + Jitter(i, 12), 4, 5_000_000_000, 16_000_000_000, 0.2 * Jitter(i, 13), 0),
                ]);
        }
    }

    private static RequestStats Stats(long requests, double latency)
    {
        var counts = new long[LatencyBuckets.Count];
        counts[LatencyBuckets.IndexOf(latency)] = requests;
        return new RequestStats(requests, requests / 500, 0, requests * latency, counts);
    }

    /// <summary>Deterministic noise in [0, 1), so baselines are not flat.</summary>
    private static double Jitter(int i, int salt) => (((i * 7919) + (salt * 104_729)) % 97) / 97.0;
}
