using RootCause.Contracts;

namespace RootCause.Bundles.Tests;

/// <summary>A small valid bundle: frontend → cart → cart-db on two nodes, three intervals.</summary>
internal static class SampleBundle
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    public static IncidentBundle Create()
    {
        var topology = new BundleTopology(
            [new BundleService("frontend", ServiceKind.Service), new BundleService("cart", ServiceKind.Service), new BundleService("cart-db", ServiceKind.Database)],
            ["n1", "n2"],
            [new BundleInstance("frontend-0", "frontend", "n1", "10.0.0.2:8080"), new BundleInstance("cart-0", "cart", "n2", "10.0.0.3:8080"), new BundleInstance("cart-db-0", "cart-db", "n2")],
            [new BundleCall("frontend", "cart"), new BundleCall("cart", "cart-db")]);
        var batches = new List<MetricBatch>();
        for (var t = 0; t < 3; t++)
        {
            var at = T0.AddMinutes(t);
            var latency = t == 2 ? 0.3 : 0.02;
            batches.Add(new MetricBatch("agent-n1", "n1", at, 60,
                [new InstanceInfo("frontend-0", "frontend", "n1", "10.0.0.2:8080")],
                [new GoldenSample("frontend", "GET /", "frontend-0", "external", Stats(600, 1, latency))],
                [new CallSample("frontend", "frontend-0", "cart", "GET /cart", Stats(600, 1, latency * 0.8))],
                [new NetworkSample("frontend-0", "cart-0", 3, 0, t == 2 ? 40 : 0, 0.0005 * 1200, 1200, 0, 0, 600_000, 6_000_000)],
                [new ResourceSample(ResourceKind.Instance, "frontend-0", 12, 2, 400 << 20, 1 << 30, 0.1, 0), new ResourceSample(ResourceKind.Node, "n1", 30, 8, 4L << 30, 16L << 30, 0.3, 0)]));
            batches.Add(new MetricBatch("agent-n2", "n2", at, 60,
                [new InstanceInfo("cart-0", "cart", "n2", "10.0.0.3:8080"), new InstanceInfo("cart-db-0", "cart-db", "n2", null, ServiceKind.Database)],
                [new GoldenSample("cart", "GET /cart", "cart-0", "frontend", Stats(600, 1, latency * 0.7)), new GoldenSample("cart-db", "SELECT", "cart-db-0", "cart", Stats(1200, 0, latency * 0.3))],
                [],
                [],
                [new ResourceSample(ResourceKind.Node, "n2", 20, 8, 5L << 30, 16L << 30, 0.2, 0)]));
        }

        return IncidentBundle.Create(
            "hand-made sample",
            topology,
            batches,
            new Symptom("frontend", Kpis.Latency, null, T0.AddMinutes(3), "simulator", "HighRequestLatency"),
            new GroundTruth(EntityKind.Service, "cart-db", "slow_database", T0.AddMinutes(2), 60));
    }

    public static RequestStats Stats(long requests, long errors, double latency)
    {
        var counts = new long[LatencyBuckets.Count];
        counts[LatencyBuckets.IndexOf(latency)] = requests;
        return new RequestStats(requests, errors, 0, latency * requests, counts);
    }
}
