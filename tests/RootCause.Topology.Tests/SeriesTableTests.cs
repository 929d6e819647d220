using RootCause.Contracts;

namespace RootCause.Topology.Tests;

public sealed class SeriesTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static RequestStats Stats(long requests, long errors, double latency)
    {
        var counts = new long[LatencyBuckets.Count];
        counts[LatencyBuckets.IndexOf(latency)] = requests;
        return new RequestStats(requests, errors, 0, latency * requests, counts);
    }

    private static MetricBatch Batch(DateTimeOffset at, string node, GoldenSample[] golden, NetworkSample[]? network = null, ResourceSample[]? resources = null) =>
        new("agent-" + node, node, at, 60, [new InstanceInfo("cart-1", "cart", node), new InstanceInfo("cart-2", "cart", node)], golden, [], network ?? [], resources ?? []);

    [Fact]
    public void Service_series_sum_instances_and_divide_by_the_interval()
    {
        var batch = Batch(T0, "n1",
        [
            new GoldenSample("cart", "GET /cart", "cart-1", "frontend", Stats(600, 60, 0.02)),
            new GoldenSample("cart", "GET /cart", "cart-2", "frontend", Stats(1200, 0, 0.02)),
        ]);
        var snapshot = new TelemetrySnapshot(new TopologyBuilder().Add(batch).Build(), [batch]);
        var service = new EntityRef(EntityKind.Service, "cart");

        Assert.Equal(30.0, snapshot.Series.Get(service, MetricCatalog.Requests)![0], 9);
        Assert.Equal(60.0 / 1800, snapshot.Series.Get(service, MetricCatalog.ErrorRate)![0], 9);
        Assert.Equal(10.0, snapshot.Series.Get(new EntityRef(EntityKind.Instance, "cart-1"), MetricCatalog.Requests)![0], 9);
        Assert.Equal(0.02, snapshot.Series.Get(new EntityRef(EntityKind.CallEdge, "frontend -> cart"), MetricCatalog.LatencyMean)![0], 9);
    }

    [Fact]
    public void P99_interpolates_inside_the_histogram_bucket()
    {
        var agg = new RequestAggregate();
        var counts = new long[LatencyBuckets.Count];
        counts[LatencyBuckets.IndexOf(0.02)] = 100; // bucket (0.01, 0.025]
        agg.Add(new RequestStats(100, 0, 0, 2, counts));

        Assert.Equal(0.01 + (0.015 * 0.99), agg.Quantile(0.99), 9);
    }

    [Fact]
    public void Missing_intervals_are_NaN_and_the_timeline_is_aligned_to_the_step()
    {
        var a = Batch(T0.AddSeconds(7), "n1", [new GoldenSample("cart", "GET /cart", "cart-1", "external", Stats(60, 0, 0.01))]);
        var b = Batch(T0.AddMinutes(2), "n1", []);
        var snapshot = new TelemetrySnapshot(new TopologyBuilder().Add(a).Build(), [a, b]);

        Assert.Equal([T0, T0.AddMinutes(2)], snapshot.Timeline);
        var requests = snapshot.Series.Get(new EntityRef(EntityKind.Service, "cart"), MetricCatalog.Requests)!;
        Assert.Equal(1.0, requests[0], 9);
        Assert.True(double.IsNaN(requests[1]));
    }

    [Fact]
    public void Store_drops_intervals_older_than_the_retention()
    {
        var store = new TelemetryStore(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 30; i++)
        {
            store.Ingest(Batch(T0.AddMinutes(i), "n1", []));
        }

        Assert.Equal(11, store.BatchCount);
        Assert.Equal(T0.AddMinutes(29), store.Newest);
    }

    [Fact]
    public void Graph_answers_downstream_hosts_and_edges_between_services()
    {
        var graph = new TopologyBuilder()
            .AddInstance("fe-1", "frontend", "n1")
            .AddInstance("cart-1", "cart", "n2", "10.0.0.2:80")
            .AddInstance("db-1", "db", "n3", kind: ServiceKind.Database)
            .AddCall("frontend", "cart").AddCall("cart", "db").AddCall("cart", "api.example.com:443")
            .AddNetworkEdge("fe-1", "cart-1").AddNetworkEdge("cart-1", "db-1")
            .Build();

        Assert.Equal(["cart", "api.example.com:443", "db"], graph.DownstreamOf("frontend")); // breadth first, callees by name
        Assert.Equal(["n2"], graph.NodesOf("cart"));
        Assert.Equal(["fe-1 -> cart-1"], graph.NetworkEdgesBetween("frontend", "cart").Select(e => e.Name));
        Assert.Equal(ServiceKind.Database, graph.Service("db")!.Kind);
        Assert.Equal("cart", graph.ServiceOf("10.0.0.2:80"));
        Assert.Equal(["api.example.com:443"], graph.Externals);
    }
}
