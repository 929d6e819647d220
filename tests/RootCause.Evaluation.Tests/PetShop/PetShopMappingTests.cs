using RootCause.Contracts;
using RootCause.Evaluation.PetShop;
using RootCause.Topology;

namespace RootCause.Evaluation.Tests.PetShop;

public sealed class PetShopMappingTests
{
    private static readonly EntityRef Web = new(EntityKind.Service, "web");
    private static readonly EntityRef Api = new(EntityKind.Service, "api");

    private static SeriesTable Series(out TelemetrySnapshot snapshot)
    {
        var table = MetricsReader.Read(Fixture.Path("metrics_good.csv"));
        var graph = GraphReader.Read(Fixture.Path("graph_good.csv"));
        var batches = PetShopMapping.Batches(table, PetShopMapping.AlignmentShift(table));
        snapshot = new TelemetrySnapshot(PetShopMapping.Topology(graph), batches);
        return snapshot.Series;
    }

    [Fact]
    public void Average_latency_becomes_latency_mean_exactly()
    {
        var series = Series(out _);

        var mean = series.Get(Web, MetricCatalog.LatencyMean)!;
        Assert.Equal(0.09, mean[0], 12);
        Assert.Equal(0.12, mean[1], 12);
        Assert.True(double.IsNaN(mean[2]));
        Assert.Equal(0.03, series.Get(new EntityRef(EntityKind.Instance, "api/0"), MetricCatalog.LatencyMean)![2], 12);
    }

    [Fact]
    public void Availability_becomes_error_rate_and_request_sums_become_rates()
    {
        var series = Series(out _);

        Assert.Equal(2.0 / 500, series.Get(Web, MetricCatalog.ErrorRate)![0], 12);
        Assert.Equal(10.0 / 400, series.Get(Web, MetricCatalog.ErrorRate)![1], 12);
        Assert.Equal(10.0 / 100, series.Get(Api, MetricCatalog.ErrorRate)![2], 12);
        Assert.Equal(500.0 / 300, series.Get(Web, MetricCatalog.Requests)![0], 12);
        Assert.Equal(0.0, series.Get(Api, MetricCatalog.Requests)![1]);
        Assert.True(double.IsNaN(series.Get(Api, MetricCatalog.LatencyMean)![1]));
    }

    [Fact]
    public void The_histogram_p99_lands_in_the_bucket_of_the_dataset_p99()
    {
        var series = Series(out _);

        var p99 = series.Get(Web, MetricCatalog.LatencyP99)!;
        Assert.InRange(p99[0], 0.25, 0.5); // dataset p99 0.45
        Assert.InRange(p99[1], 0.5, 1.0); // dataset p99 0.6
    }

    [Fact]
    public void Histogram_counts_follow_the_percentiles()
    {
        var counts = LatencyHistogram.Build(100, 0.09, [(0.5, 0.05), (0.9, 0.2), (0.95, 0.3), (0.99, 0.45)]);

        Assert.Equal(100, counts.Sum());
        Assert.Equal(50, counts[..(LatencyBuckets.IndexOf(0.05) + 1)].Sum());
        // 0.25 s is halfway from p90 (0.2) to p95 (0.3): 92.5% of requests, i.e. requests 0..92.
        Assert.Equal(93, counts[..(LatencyBuckets.IndexOf(0.25) + 1)].Sum());
        Assert.Equal(100, counts[..(LatencyBuckets.IndexOf(0.45) + 1)].Sum());
        Assert.Equal(0, counts[^1]);
    }

    [Fact]
    public void Rows_are_aligned_to_300_second_intervals_one_batch_per_component()
    {
        var table = MetricsReader.Read(Fixture.Path("metrics_good.csv"));

        var batches = PetShopMapping.Batches(table, PetShopMapping.AlignmentShift(table));

        Assert.Equal(-120, PetShopMapping.AlignmentShift(table));
        Assert.Equal(6, batches.Count);
        Assert.All(batches, b => Assert.Equal(0, b.IntervalStart.ToUnixTimeSeconds() % 300));
        Assert.All(batches, b => Assert.Equal(300, b.IntervalSeconds));
        var web0 = batches.Single(b => b.Node == "web" && b.IntervalStart.ToUnixTimeSeconds() == 1681857000);
        Assert.Equal(new InstanceInfo("web/0", "web", "web"), web0.Instances.Single());
        Assert.Equal(Callers.External, web0.Golden.Single().Caller);
        Assert.Equal(500, web0.Golden.Single().Stats.Requests);
        Assert.Equal(2, web0.Golden.Single().Stats.Errors);
    }

    [Fact]
    public void Graph_edges_become_declared_calls_and_components_get_a_kind()
    {
        var graph = PetShopMapping.Topology(GraphReader.Read(Fixture.Path("graph_good.csv")));

        Assert.Equal(["api"], graph.CalleesOf("web"));
        Assert.Equal(["db_AWS::DynamoDB::Table"], graph.CalleesOf("api"));
        Assert.Equal(ServiceKind.Database, graph.Service("db_AWS::DynamoDB::Table")!.Kind);
        Assert.Equal("web", graph.Instance("web/0")!.Node);
    }

    [Theory]
    [InlineData("petInfo_AWS::DynamoDB::Table", ServiceKind.Database)]
    [InlineData("adoptions@services-database.us-west-2.rds.amazonaws.com_Database::SQL", ServiceKind.Database)]
    [InlineData("PGSQL Query_remote", ServiceKind.Database)]
    [InlineData("https://sqs.us-west-2.amazonaws.com/Services-sqspetadoption_AWS::SQS::Queue", ServiceKind.Queue)]
    [InlineData("STS_AWS::STS", ServiceKind.External)]
    [InlineData("S3_AWS::S3", ServiceKind.External)]
    [InlineData("www.amazon.com_remote", ServiceKind.External)]
    [InlineData("AWS::StepFunctions::StateMachine", ServiceKind.Service)]
    [InlineData("lambdastatusupdater_AWS::Lambda::Function", ServiceKind.Service)]
    [InlineData("payforadoption_AWS::ECS::Container", ServiceKind.Service)]
    [InlineData("PetSite", ServiceKind.Service)]
    public void Component_kinds_follow_their_names(string component, ServiceKind kind) =>
        Assert.Equal(kind, ComponentKinds.Of(component));

    [Fact]
    public void Availability_alerts_are_error_rate_symptoms_at_the_target_time()
    {
        var symptom = PetShopMapping.Symptom(new IssueTarget("PetSite", "availability", "Average", 1681857605, "x"), -120);

        Assert.Equal(new Symptom("PetSite", Kpis.ErrorRate, null, DateTimeOffset.FromUnixTimeSeconds(1681857485), "petshop", "PetSite availability Average"), symptom);
    }

    [Fact]
    public void Ground_truth_names_resolve_exactly_or_to_one_unambiguous_component()
    {
        var graph = new PetShopGraph(["petInfo_AWS::DynamoDB::Table", "a_b", "a b"], []);

        Assert.Equal("petInfo_AWS::DynamoDB::Table", PetShopMapping.ResolveComponent(graph, "petInfo_AWS::DynamoDB::Table"));
        Assert.Equal("petInfo_AWS::DynamoDB::Table", PetShopMapping.ResolveComponent(graph, "petinfo AWS DynamoDB Table"));
        Assert.Null(PetShopMapping.ResolveComponent(graph, "A-B"));
        Assert.Null(PetShopMapping.ResolveComponent(graph, "nothing"));
    }
}
