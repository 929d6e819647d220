using RootCause.Analysis.Demarcation;
using RootCause.Analysis.Detection;
using RootCause.Analysis.Ranking;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Tests.Demarcation;

/// <summary>
/// A more specific cause wins over what it explains: a slow link over the caller it slows, a consuming
/// instance over the node that only sums it. Both were near-ties that the live lab ranked the wrong way round.
/// </summary>
public sealed class SpecificCauseTests
{
    private static readonly EntityRef Gateway = new(EntityKind.Service, "gateway");
    private static readonly EntityRef Link = new(EntityKind.NetworkEdge, "gateway@n1 -> catalog@n1");
    private static readonly EntityRef CatalogInstance = new(EntityKind.Instance, "catalog@n1");
    private static readonly EntityRef Node = new(EntityKind.Node, "n1");

    [Fact]
    public void A_caller_slowed_by_its_link_ranks_below_the_link_although_its_own_latency_is_the_symptom()
    {
        var graph = new TopologyBuilder()
            .AddInstance("gateway@n1", "gateway", "n1").AddInstance("catalog@n1", "catalog", "n1")
            .AddCall("gateway", "catalog").AddNetworkEdge("gateway@n1", "catalog@n1").Build();
        var symptom = Anomaly(Gateway, MetricCatalog.LatencyP99, 50);
        var anomalies = Map(symptom, Anomaly(Link, MetricCatalog.Rtt, 50));

        var demarcation = DemarcationStage.Run(graph, anomalies, "gateway", symptom);

        // The gateway's series is the symptom itself (correlation 1); the link's follows it only loosely.
        var series = new Dictionary<EntityRef, double[]> { [Gateway] = Step(1.0), [Link] = Noisy() };
        var ranked = CandidateRanking.Rank(demarcation.Candidates.Values, a => series[a.Entity], Step(1.0), symptom, Kpis.Latency, new IncidentFrame(10, 20, 15));

        Assert.Equal([Link, Gateway], ranked.Select(r => r.Candidate.Entity));
        Assert.Contains(Link, demarcation.Candidates[Gateway].ExplainedBy);
        Assert.True(ranked[1].Score < ranked[0].Score);
    }

    [Fact]
    public void A_node_whose_oom_kills_are_one_instances_own_is_not_the_cause()
    {
        var graph = new TopologyBuilder()
            .AddInstance("gateway@n1", "gateway", "n1").AddInstance("catalog@n1", "catalog", "n1")
            .AddCall("gateway", "catalog").Build();
        var symptom = Anomaly(Gateway, MetricCatalog.ErrorRate, 50);
        var anomalies = Map(
            symptom,
            Anomaly(new EntityRef(EntityKind.Instance, "gateway@n1"), MetricCatalog.ErrorRate, 50),
            Anomaly(new EntityRef(EntityKind.Service, "catalog"), MetricCatalog.LatencyP99, 50),
            Anomaly(CatalogInstance, MetricCatalog.LatencyP99, 50),
            Anomaly(CatalogInstance, MetricCatalog.OomKills, 10),
            Anomaly(Node, MetricCatalog.OomKills, 10),
            Anomaly(Node, MetricCatalog.CpuUsage, 6));

        var candidates = DemarcationStage.Run(graph, anomalies, "gateway", symptom).Candidates;

        Assert.True(candidates[CatalogInstance].Position > candidates[Node].Position);
        Assert.Empty(candidates[Node].Explains);
        Assert.Contains("its oom_kills rose with instance catalog@n1's own", candidates[Node].Reasons);
    }

    [Fact]
    public void A_node_whose_cpu_rose_with_no_instance_of_ours_stays_the_cause_of_the_instances_it_slows()
    {
        var graph = new TopologyBuilder()
            .AddInstance("gateway@n1", "gateway", "n1").AddInstance("catalog@n1", "catalog", "n1")
            .AddCall("gateway", "catalog").Build();
        var symptom = Anomaly(Gateway, MetricCatalog.LatencyP99, 50);
        var anomalies = Map(
            symptom,
            Anomaly(new EntityRef(EntityKind.Instance, "gateway@n1"), MetricCatalog.LatencyP99, 50),
            Anomaly(new EntityRef(EntityKind.Service, "catalog"), MetricCatalog.LatencyP99, 50),
            Anomaly(CatalogInstance, MetricCatalog.LatencyP99, 50),
            Anomaly(Node, MetricCatalog.CpuUtilization, 30));

        var candidates = DemarcationStage.Run(graph, anomalies, "gateway", symptom).Candidates;

        Assert.True(candidates[Node].Position > 1.0);
        Assert.Contains(CatalogInstance, candidates[Node].Explains);
    }

    [Fact]
    public void An_oom_killed_instance_explains_the_callers_that_fail_calling_it()
    {
        // checkout's calls to cart fail while cart, killed and restarted, only looks slow itself.
        var graph = new TopologyBuilder()
            .AddInstance("gateway@n1", "gateway", "n1").AddInstance("checkout@n1", "checkout", "n1").AddInstance("cart@n1", "cart", "n1")
            .AddCall("gateway", "checkout").AddCall("checkout", "cart").Build();
        var cart = new EntityRef(EntityKind.Instance, "cart@n1");
        var checkout = new EntityRef(EntityKind.Service, "checkout");
        var symptom = Anomaly(Gateway, MetricCatalog.ErrorRate, 50);
        var anomalies = Map(
            symptom,
            Anomaly(checkout, MetricCatalog.ErrorRate, 50),
            Anomaly(new EntityRef(EntityKind.Service, "cart"), MetricCatalog.LatencyP99, 50),
            Anomaly(cart, MetricCatalog.LatencyP99, 50),
            Anomaly(cart, MetricCatalog.OomKills, 10));

        var candidates = DemarcationStage.Run(graph, anomalies, "gateway", symptom).Candidates;

        Assert.Contains(checkout, candidates[cart].Explains);
        Assert.Contains(cart, candidates[checkout].ExplainedBy);
        Assert.Equal(GraphPosition.Explained, candidates[checkout].Position);
        Assert.Contains("OOM-killed while checkout fails calling it", candidates[cart].Reasons);
    }

    private static SeriesAnomaly Anomaly(EntityRef entity, string metric, double severity) =>
        new(new SeriesKey(entity, metric), Direction.Up, severity, 15, 1, 10);

    private static AnomalyMap Map(params SeriesAnomaly[] anomalies) => new(anomalies.ToDictionary(a => a.Key));

    private static double[] Step(double height) => [.. Enumerable.Range(0, 20).Select(i => i < 15 ? 0 : height)];

    private static double[] Noisy() => [.. Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 1.0 : 0.0)];
}
