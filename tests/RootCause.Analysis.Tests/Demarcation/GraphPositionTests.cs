using RootCause.Analysis.Demarcation;
using RootCause.Analysis.Detection;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Tests.Demarcation;

/// <summary>Each level of <see cref="GraphPosition"/>, reached on a small hand-built graph.</summary>
public sealed class GraphPositionTests
{
    // frontend -> orders -> db; frontend -> search. Two instances of orders on two nodes.
    private static readonly TopologyGraph Shop = new TopologyBuilder()
        .AddInstance("frontend-1", "frontend", "n1", "10.0.0.1:80")
        .AddInstance("orders-1", "orders", "n1", "10.0.0.2:80")
        .AddInstance("orders-2", "orders", "n2", "10.0.0.3:80")
        .AddInstance("db-1", "db", "n2", "10.0.0.4:5432", ServiceKind.Database)
        .AddInstance("search-1", "search", "n3", "10.0.0.5:80")
        .AddCall("frontend", "orders").AddCall("orders", "db").AddCall("frontend", "search")
        .AddNetworkEdge("frontend-1", "10.0.0.2:80").AddNetworkEdge("frontend-1", "10.0.0.3:80")
        .AddNetworkEdge("orders-1", "10.0.0.4:5432").AddNetworkEdge("orders-2", "10.0.0.4:5432")
        .Build();

    [Fact]
    public void The_deepest_degraded_service_is_the_root_and_its_callers_are_upstream()
    {
        var candidates = Run(Slow(Service("frontend"), 0.5), Slow(Service("orders"), 0.45), Slow(Service("db"), 0.4));

        Assert.Equal(GraphPosition.Root, candidates[Service("db")].Position);
        Assert.Equal(GraphPosition.Upstream, candidates[Service("orders")].Position);
        Assert.Equal(GraphPosition.Upstream, candidates[Service("frontend")].Position);
    }

    [Fact]
    public void A_callee_slower_by_a_small_share_of_its_callers_rise_does_not_explain_it()
    {
        var candidates = Run(Slow(Service("frontend"), 0.5), Slow(Service("orders"), 0.05));

        Assert.Equal(GraphPosition.Root, candidates[Service("frontend")].Position);
        Assert.Equal(GraphPosition.Root, candidates[Service("orders")].Position);
    }

    [Fact]
    public void One_slow_instance_of_two_is_a_partial_instance_and_root_with_a_resource_signal()
    {
        var partial = Run(Slow(Service("frontend"), 0.5), Slow(Service("orders"), 0.45), Slow(Instance("orders-1"), 0.45));
        Assert.Equal(GraphPosition.PartialInstance, partial[Instance("orders-1")].Position);
        Assert.Contains(Service("orders"), partial[Instance("orders-1")].Explains);

        var withCpu = Run(Slow(Service("frontend"), 0.5), Slow(Service("orders"), 0.45), Slow(Instance("orders-1"), 0.45), Up(Instance("orders-1"), MetricCatalog.CpuUtilization));
        Assert.Equal(GraphPosition.Root, withCpu[Instance("orders-1")].Position);
    }

    [Fact]
    public void Resources_of_an_instance_that_serves_as_before_make_it_a_bystander()
    {
        var candidates = Run(Slow(Service("frontend"), 0.5), Up(Instance("search-1"), MetricCatalog.MemoryUsage));

        Assert.Equal(GraphPosition.Bystander, candidates[Instance("search-1")].Position);
    }

    [Fact]
    public void A_node_under_two_services_degraded_instances_is_a_shared_cause_that_nothing_demotes()
    {
        var candidates = Run(
            Slow(Service("frontend"), 0.5), Slow(Instance("frontend-1"), 0.5),
            Slow(Service("orders"), 0.45), Slow(Instance("orders-1"), 0.45),
            Up(Node("n1"), MetricCatalog.RunQueueDelay));

        Assert.Equal(GraphPosition.Shared(2), candidates[Node("n1")].Position);
        Assert.True(GraphPosition.IsShared(candidates[Node("n1")].Position));
        Assert.Contains(Instance("orders-1"), candidates[Node("n1")].Explains);
        Assert.Equal(GraphPosition.Explained, candidates[Service("orders")].Position);
        Assert.Contains(Node("n1"), candidates[Service("frontend")].ExplainedBy);
    }

    [Fact]
    public void A_node_whose_resources_moved_under_no_degraded_instance_is_unrelated()
    {
        var candidates = Run(Slow(Service("frontend"), 0.5), Up(Node("n3"), MetricCatalog.CpuUtilization));

        Assert.Equal(GraphPosition.Unrelated, candidates[Node("n3")].Position);
    }

    [Fact]
    public void Connections_failing_to_one_instance_make_it_a_shared_cause_that_explains_their_edges()
    {
        var candidates = Run(
            Failing(Service("orders")), Failing(Instance("orders-1")), Failing(Instance("orders-2")), Failing(Service("frontend")),
            Up(Edge("orders-1 -> 10.0.0.4:5432"), MetricCatalog.ConnectFailures),
            Up(Edge("orders-2 -> 10.0.0.4:5432"), MetricCatalog.ConnectFailures));

        var db = candidates[Instance("db-1")];
        Assert.Equal(GraphPosition.Shared(2), db.Position);
        Assert.Contains(Edge("orders-1 -> 10.0.0.4:5432"), db.Explains);
        Assert.Equal(GraphPosition.Explained, candidates[Edge("orders-1 -> 10.0.0.4:5432")].Position);
    }

    [Fact]
    public void A_link_with_retransmits_between_healthy_ends_is_unrelated()
    {
        var candidates = Run(Slow(Service("frontend"), 0.5), Up(Edge("orders-1 -> 10.0.0.4:5432"), MetricCatalog.Retransmits));

        Assert.Equal(GraphPosition.Unrelated, candidates[Edge("orders-1 -> 10.0.0.4:5432")].Position);
    }

    [Fact]
    public void Calls_that_slowed_while_their_callee_serves_as_before_make_the_call_edge_a_root_that_explains_its_caller()
    {
        var call = new EntityRef(EntityKind.CallEdge, "frontend -> search");
        var candidates = Run(Slow(Service("frontend"), 0.3), Slow(call, 0.25), Slow(Service("search"), 0.01));

        Assert.Equal(GraphPosition.Root, candidates[call].Position);
        Assert.Contains(Service("frontend"), candidates[call].Explains);
        Assert.Contains(call, candidates[Service("frontend")].ExplainedBy);
    }

    [Fact]
    public void Slow_calls_of_a_cpu_starved_caller_or_to_a_callee_as_slow_name_no_call_edge()
    {
        var call = new EntityRef(EntityKind.CallEdge, "frontend -> search");
        var starved = Run(Slow(Service("frontend"), 0.3), Slow(call, 0.25), Up(Instance("frontend-1"), MetricCatalog.RunQueueDelay));
        Assert.False(starved.ContainsKey(call));

        var calleeSlow = Run(Slow(Service("frontend"), 0.3), Slow(call, 0.25), Slow(Service("search"), 0.24));
        Assert.False(calleeSlow.ContainsKey(call));
    }

    [Fact]
    public void A_callee_starved_of_cpu_behind_slower_calls_is_a_root_that_explains_its_caller_though_its_own_latency_is_flat()
    {
        var call = new EntityRef(EntityKind.CallEdge, "frontend -> search");
        var candidates = Run(Slow(Service("frontend"), 0.3), Slow(call, 0.25), Up(Instance("search-1"), MetricCatalog.CpuUtilization));

        Assert.Equal(GraphPosition.Root, candidates[Instance("search-1")].Position);
        Assert.Contains(Service("frontend"), candidates[Instance("search-1")].Explains);
        Assert.False(candidates.ContainsKey(call));
    }

    [Fact]
    public void Connections_that_time_out_beside_stronger_packet_loss_do_not_blame_the_destination()
    {
        var edge = Edge("orders-1 -> 10.0.0.4:5432");
        var candidates = Run(
            Failing(Service("orders")), Failing(Service("frontend")),
            Up(edge, MetricCatalog.Retransmits, 50), Up(edge, MetricCatalog.ConnectFailures, 4.7));

        Assert.False(candidates.ContainsKey(Instance("db-1")));
        Assert.Equal(GraphPosition.Root, candidates[edge].Position);
    }

    [Fact]
    public void A_network_edge_into_the_alerted_service_from_its_own_caller_is_no_candidate()
    {
        var shop = new TopologyBuilder()
            .AddInstance("load-1", "load", "n0").AddInstance("frontend-1", "frontend", "n1", "10.0.0.1:80")
            .AddCall("load", "frontend").AddNetworkEdge("load-1", "10.0.0.1:80").Build();
        var symptom = Slow(Service("frontend"), 0.3);
        var anomalies = new AnomalyMap(new[] { symptom, Up(Edge("load-1 -> 10.0.0.1:80"), MetricCatalog.Rtt) }.ToDictionary(a => a.Key));

        var candidates = DemarcationStage.Run(shop, anomalies, "frontend", symptom).Candidates;

        Assert.False(candidates.ContainsKey(Edge("load-1 -> 10.0.0.1:80")));
    }

    private static IReadOnlyDictionary<EntityRef, Candidate> Run(params SeriesAnomaly[] anomalies)
    {
        var map = new AnomalyMap(anomalies.ToDictionary(a => a.Key));
        var symptom = anomalies[0];
        return DemarcationStage.Run(Shop, map, "frontend", symptom).Candidates;
    }

    /// <summary>Mean latency up by <paramref name="riseSeconds"/>.</summary>
    private static SeriesAnomaly Slow(EntityRef entity, double riseSeconds) =>
        new(new SeriesKey(entity, MetricCatalog.LatencyMean), Direction.Up, 20, 10, 0.01, 0.01 + riseSeconds);

    private static SeriesAnomaly Failing(EntityRef entity) =>
        new(new SeriesKey(entity, MetricCatalog.ErrorRate), Direction.Up, 20, 10, 0, 0.3);

    private static SeriesAnomaly Up(EntityRef entity, string metric, double severity = 10) =>
        new(new SeriesKey(entity, metric), Direction.Up, severity, 10, 1, 5);

    private static EntityRef Service(string name) => new(EntityKind.Service, name);

    private static EntityRef Instance(string name) => new(EntityKind.Instance, name);

    private static EntityRef Node(string name) => new(EntityKind.Node, name);

    private static EntityRef Edge(string name) => new(EntityKind.NetworkEdge, name);
}
