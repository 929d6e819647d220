using RootCause.Contracts;
using RootCause.Evaluation.Nezha;
using RootCause.Topology;

namespace RootCause.Evaluation.Tests.Nezha;

public sealed class NezhaMappingTests
{
    private static readonly EntityRef Frontend = new(EntityKind.Service, "frontend");
    private static readonly EntityRef Cart = new(EntityKind.Service, "cartservice");
    private static readonly EntityRef CartPod = new(EntityKind.Instance, NezhaFixture.CartPod);

    private static SeriesTable Series(NezhaDay day) => new TelemetrySnapshot(NezhaMapping.Topology(day), NezhaMapping.Batches(day)).Series;

    [Fact]
    public void One_valid_sixty_second_batch_per_pod_and_minute_on_whole_minutes()
    {
        var day = NezhaDay.Load(NezhaFixture.ObDay);

        var batches = NezhaMapping.Batches(day);

        Assert.Equal(20, batches.Count);
        Assert.All(batches, b => Assert.Null(MetricBatchValidator.Problem(b)));
        Assert.All(batches, b => Assert.Equal(60, b.IntervalSeconds));
        Assert.All(batches, b => Assert.Equal(0, b.IntervalStart.ToUnixTimeSeconds() % 60));
        Assert.All(batches, b => Assert.DoesNotContain(b.Resources, r => r.Kind == ResourceKind.Node));
        var first = batches.Single(b => b.AgentId == "nezha/" + NezhaFixture.CartPod && b.IntervalStart == new DateTimeOffset(2022, 8, 22, 3, 50, 0, TimeSpan.Zero));
        Assert.Equal("33.33.33.80", first.Node);
        Assert.Equal(new InstanceInfo(NezhaFixture.CartPod, "cartservice", "33.33.33.80"), Assert.Single(first.Instances));
    }

    [Fact]
    public void A_row_becomes_the_expected_requests_cpu_seconds_and_memory()
    {
        var day = NezhaDay.Load(NezhaFixture.ObDay);
        var cart = day.Pods.Single(p => p.Pod == NezhaFixture.CartPod);

        var resources = NezhaMapping.Resources(cart, 0)!;
        var stats = NezhaMapping.ServerStats(cart.Table, 0, double.NaN, double.NaN)!;

        // CpuUsage(m) 50 at CpuUsageRate(%) 25; MemoryUsage(Mi) 64 at MemoryUsageRate(%) 50.
        Assert.Equal(ResourceKind.Instance, resources.Kind);
        Assert.Equal(NezhaFixture.CartPod, resources.Id);
        Assert.Equal(3.0, resources.CpuSeconds, 12);
        Assert.Equal(0.2, resources.CpuLimitCores, 12);
        Assert.Equal(64L * 1024 * 1024, resources.MemoryBytes);
        Assert.Equal(128L * 1024 * 1024, resources.MemoryLimitBytes);

        // PodWorkload(Ops) 5 per second over 60 s; p90/p95/p99 0.01/0.02/0.04 s; PodSuccessRate(%) 0 is ignored.
        Assert.Equal(300, stats.Requests);
        Assert.Equal(0, stats.Errors);
        Assert.Equal(300, stats.LatencyCounts.Sum());
        Assert.Equal((0.9 * 0.01) + (0.05 * 0.015) + (0.04 * 0.03) + (0.01 * 0.04), stats.LatencySumSeconds / 300, 12);
        Assert.Equal(270, stats.LatencyCounts[LatencyBuckets.IndexOf(0.01)]); // everything up to p90
    }

    [Fact]
    public void The_snapshot_series_carry_rates_utilisation_and_the_entry_errors_and_median()
    {
        var series = Series(NezhaDay.Load(NezhaFixture.ObDay));

        Assert.Equal(5.0, series.Get(Cart, MetricCatalog.Requests)![0], 12);
        Assert.Equal(0.05, series.Get(CartPod, MetricCatalog.CpuUsage)![0], 12);
        Assert.Equal(0.25, series.Get(CartPod, MetricCatalog.CpuUtilization)![0], 12);
        Assert.Equal(0.5, series.Get(CartPod, MetricCatalog.MemoryUtilization)![0], 12);
        Assert.Equal(1.0, series.Get(CartPod, MetricCatalog.CpuUtilization)![7], 12);
        Assert.InRange(series.Get(Cart, MetricCatalog.LatencyP99)![0], 0.025, 0.05); // dataset p99 0.04

        // The entry: errors from front_service.csv's 98 % success, p50 0.05 s from front_service.csv.
        Assert.Equal(3.0 / 150, series.Get(Frontend, MetricCatalog.ErrorRate)![0], 12);
        Assert.Equal(0.0, series.Get(Frontend, MetricCatalog.ErrorRate)![1], 12);
        var mean = (0.5 * 0.05) + (0.4 * 0.075) + (0.05 * 0.15) + (0.04 * 0.3) + (0.01 * 0.4);
        Assert.Equal(mean, series.Get(Frontend, MetricCatalog.LatencyMean)![0], 12);
    }

    [Fact]
    public void Unknown_latency_leaves_the_golden_sample_out_not_a_zero()
    {
        var day = NezhaDay.Load(NezhaFixture.ObDay);
        var series = Series(day);

        // Interval 03:53: the frontend served 2.5 req/s but its percentiles are NaN.
        Assert.True(double.IsNaN(series.Get(Frontend, MetricCatalog.Requests)![3]));
        Assert.True(double.IsNaN(series.Get(Frontend, MetricCatalog.LatencyMean)![3]));
        Assert.Equal(0.1, series.Get(new EntityRef(EntityKind.Instance, NezhaFixture.FrontendPod), MetricCatalog.CpuUtilization)![3], 12);
        var batch = NezhaMapping.Batches(day).Single(b => b.AgentId == "nezha/" + NezhaFixture.FrontendPod && b.IntervalStart.Minute == 53);
        Assert.Empty(batch.Golden);
        Assert.Single(batch.Resources);
    }

    [Fact]
    public void Source_50_medians_become_caller_side_call_samples_where_known()
    {
        var series = Series(NezhaDay.Load(NezhaFixture.ObDay));

        var edge = new EntityRef(EntityKind.CallEdge, new CallEdge("frontend", "cartservice").Name);
        var latency = series.Get(edge, MetricCatalog.LatencyMean)!;
        Assert.Equal(0.005, latency[0], 12);
        Assert.True(double.IsNaN(latency[2])); // empty cell: no sample
        Assert.Equal(0.03, latency[7], 12);
        Assert.Equal(1.0 / 60, series.Get(edge, MetricCatalog.Requests)![0], 12); // one nominal request
    }

    [Fact]
    public void A_tt_pod_gets_a_placeholder_node_of_its_own_and_the_broken_success_rate_is_not_used()
    {
        var day = NezhaDay.Load(NezhaFixture.TtDay);

        var topology = NezhaMapping.Topology(day);
        var series = Series(day);

        Assert.Equal("ts-ui-dashboard-5477b965f-2chkr", topology.Instance("ts-ui-dashboard-5477b965f-2chkr")!.Node);
        Assert.Equal("ts-gateway-service-6f6cfc45b-h5m2n", topology.Instance("ts-gateway-service-6f6cfc45b-h5m2n")!.Node);
        Assert.Equal(["ts-gateway-service"], topology.CalleesOf("ts-ui-dashboard"));
        var dashboard = new EntityRef(EntityKind.Service, "ts-ui-dashboard");
        Assert.Equal(0.0, series.Get(dashboard, MetricCatalog.ErrorRate)![0]); // front_service.csv says 0 % success: broken
        var withMedian = (0.5 * 0.01) + (0.4 * 0.015) + (0.05 * 0.025) + (0.04 * 0.04) + (0.01 * 0.05);
        Assert.Equal(withMedian, series.Get(dashboard, MetricCatalog.LatencyMean)![0], 12);
    }

    [Theory]
    [InlineData("cpu_contention", "cpu_saturation")]
    [InlineData("cpu_consumed", "cpu_saturation")]
    [InlineData("network_delay", "network_loss")]
    [InlineData("exception", "error_burst")]
    [InlineData("return", "unknown")]
    public void Fault_types_map_to_the_shipped_fault_classes_where_one_fits(string type, string faultClass)
    {
        Assert.Equal(faultClass, NezhaMapping.FaultClassOf(type));
    }
}
