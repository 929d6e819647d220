using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Simulation.Tests;

public sealed class PropagationTests
{
    [Fact]
    public void Slow_database_raises_its_callers_and_the_entry_services_p99()
    {
        var result = Scenario.Create(new ScenarioOptions { Fault = FaultKind.SlowDatabase, Seed = 7 });
        var series = new Series(result);
        var db = result.Truth!.Name;
        var graph = series.Snapshot.Graph;

        Assert.Equal(ServiceKind.Database, graph.Service(db)!.Kind is ServiceKind.Cache ? ServiceKind.Database : graph.Service(db)!.Kind);
        var own = series.Split(EntityKind.Service, db, MetricCatalog.LatencyP99);
        Assert.True(own.During > 3 * own.Before, $"{db} p99 {own.Before} -> {own.During}");
        foreach (var caller in graph.CallersOf(db))
        {
            var p99 = series.Split(EntityKind.Service, caller, MetricCatalog.LatencyP99);
            Assert.True(p99.During > 1.3 * p99.Before, $"caller {caller} p99 {p99.Before} -> {p99.During}");
        }

        var entry = series.Split(EntityKind.Service, "frontend", MetricCatalog.LatencyP99);
        Assert.True(entry.During > 1.3 * entry.Before, $"frontend p99 {entry.Before} -> {entry.During}");
        var unrelated = graph.Services.Select(s => s.Name).Where(s => s != db && !graph.DownstreamOf(s).Contains(db) && graph.CallersOf(s).Count > 0).ToList();
        Assert.NotEmpty(unrelated);
        foreach (var s in unrelated)
        {
            // The mean, not the p99: a p99 interpolated inside a wide histogram bucket jumps with small shifts.
            var mean = series.Split(EntityKind.Service, s, MetricCatalog.LatencyMean);
            Assert.True(mean.During < 1.1 * mean.Before, $"{s} does not call {db} but its mean latency went {mean.Before} -> {mean.During}");
        }
    }

    [Fact]
    public void Lossy_link_retransmits_on_that_edge_only_and_slows_the_callers_upstream()
    {
        var result = Scenario.Create(new ScenarioOptions { Fault = FaultKind.NetworkLoss, Seed = 3 });
        var series = new Series(result);
        Assert.True(NetworkEdge.TryParse(result.Truth!.Name, out var link));

        var retransmits = series.Of(EntityKind.NetworkEdge, link.Name, MetricCatalog.Retransmits);
        Assert.All(retransmits[..series.Onset], r => Assert.Equal(0, r));
        Assert.All(retransmits[series.Onset..], r => Assert.True(r > 0.5, $"retransmits {r}/s"));
        foreach (var edge in series.Snapshot.Graph.NetworkEdges.Where(e => e != link))
        {
            Assert.All(series.Of(EntityKind.NetworkEdge, edge.Name, MetricCatalog.Retransmits), r => Assert.Equal(0, r));
        }

        var rtt = series.Split(EntityKind.NetworkEdge, link.Name, MetricCatalog.Rtt);
        Assert.True(rtt.During > 1.5 * rtt.Before);
        var source = series.Snapshot.Graph.Instance(link.Source)!;
        var sourceP99 = series.Split(EntityKind.Instance, link.Source, MetricCatalog.LatencyP99);
        Assert.True(sourceP99.During > 1.5 * sourceP99.Before, $"{link.Source} p99 {sourceP99.Before} -> {sourceP99.During}");
        var callEdge = series.Split(EntityKind.CallEdge, new CallEdge(source.Service, series.Snapshot.Graph.Instance(link.Destination)!.Service).Name, MetricCatalog.LatencyP99);
        Assert.True(callEdge.During > 1.5 * callEdge.Before);
        var entry = series.Split(EntityKind.Service, "frontend", MetricCatalog.LatencyP99);
        Assert.True(entry.During > 1.3 * entry.Before, $"frontend p99 {entry.Before} -> {entry.During}");
    }

    [Fact]
    public void Saturated_node_slows_every_instance_on_it_and_nothing_elsewhere_on_its_own()
    {
        var result = Scenario.Create(new ScenarioOptions { Fault = FaultKind.CpuSaturation, Seed = 7 });
        var series = new Series(result);
        var node = result.Truth!.Name;
        Assert.Equal(EntityKind.Node, result.Truth.Kind);

        var cpu = series.Split(EntityKind.Node, node, MetricCatalog.CpuUtilization);
        Assert.True(cpu.Before < 0.7 && cpu.During > 0.95, $"cpu {cpu.Before} -> {cpu.During}");
        var runQueue = series.Split(EntityKind.Node, node, MetricCatalog.RunQueueDelay);
        Assert.True(runQueue.During > 20 * runQueue.Before);
        var hosted = series.Snapshot.Graph.InstancesOn(node);
        Assert.NotEmpty(hosted);
        foreach (var instance in hosted)
        {
            var latency = series.Split(EntityKind.Instance, instance.Name, MetricCatalog.LatencyMean);
            Assert.True(latency.During > 1.5 * latency.Before, $"{instance.Name} mean latency {latency.Before} -> {latency.During}");
            var waits = series.Split(EntityKind.Instance, instance.Name, MetricCatalog.RunQueueDelay);
            Assert.True(waits.During > 10 * waits.Before);
        }

        foreach (var other in series.Snapshot.Graph.Nodes.Where(n => n != node))
        {
            Assert.True(series.Split(EntityKind.Node, other, MetricCatalog.CpuUtilization).During < 0.7);
        }
    }

    [Fact]
    public void Connection_failures_show_on_edges_to_the_refusing_instance_and_as_errors_upstream()
    {
        var result = Scenario.Create(new ScenarioOptions { Fault = FaultKind.ConnectionFailures, Seed = 7 });
        var series = new Series(result);
        var refusing = result.Truth!.Name;
        var graph = series.Snapshot.Graph;

        var inbound = graph.NetworkEdgesTo(refusing);
        Assert.NotEmpty(inbound);
        foreach (var edge in inbound)
        {
            var failures = series.Of(EntityKind.NetworkEdge, edge.Name, MetricCatalog.ConnectFailures);
            Assert.All(failures[..series.Onset], f => Assert.Equal(0, f));
            Assert.True(Series.Median(failures[series.Onset..]) > 0.1, $"{edge.Name} connect failures");
            Assert.True(series.Split(EntityKind.NetworkEdge, edge.Name, MetricCatalog.Resets).During > 0.1);
        }

        foreach (var edge in graph.NetworkEdges.Where(e => e.Destination != refusing))
        {
            Assert.All(series.Of(EntityKind.NetworkEdge, edge.Name, MetricCatalog.ConnectFailures), f => Assert.Equal(0, f));
        }

        var service = graph.Instance(refusing)!.Service;
        foreach (var caller in graph.CallersOf(service))
        {
            var errors = series.Split(EntityKind.CallEdge, new CallEdge(caller, service).Name, MetricCatalog.ErrorRate);
            Assert.True(errors.During > errors.Before + 0.05, $"{caller} -> {service} error rate {errors.Before} -> {errors.During}");
        }

        var entry = series.Split(EntityKind.Service, "frontend", MetricCatalog.ErrorRate);
        Assert.True(entry.During > 2 * entry.Before);
        Assert.True(double.IsNaN(series.Split(EntityKind.Instance, refusing, MetricCatalog.Requests).During), "a refusing instance serves nothing");
    }

    [Fact]
    public void Memory_leak_climbs_to_the_limit_then_oom_kills_and_errors_follow()
    {
        var result = Scenario.Create(new ScenarioOptions { Fault = FaultKind.MemoryPressure, Seed = 7 });
        var series = new Series(result);
        var instance = result.Truth!.Name;

        var memory = series.Of(EntityKind.Instance, instance, MetricCatalog.MemoryUtilization);
        Assert.True(memory[series.Onset + 6] > memory[series.Onset - 1] + 0.2);
        var ooms = series.Of(EntityKind.Instance, instance, MetricCatalog.OomKills);
        Assert.All(ooms[..(series.Onset + 6)], o => Assert.Equal(0, o));
        Assert.True(ooms[series.Onset..].Count(o => o > 0) >= 3);
        var errors = series.Of(EntityKind.Instance, instance, MetricCatalog.ErrorRate);
        var killed = Array.FindIndex(ooms, o => o > 0);
        Assert.True(errors[killed] > 5 * Series.Median(errors[..series.Onset]));
        var node = series.Snapshot.Graph.Instance(instance)!.Node;
        Assert.Equal(ooms.Where(double.IsFinite).Sum(), series.Of(EntityKind.Node, node, MetricCatalog.OomKills).Where(double.IsFinite).Sum());
    }

    [Fact]
    public void Error_burst_errors_propagate_to_callers_partially()
    {
        var result = Scenario.Create(new ScenarioOptions { Fault = FaultKind.ErrorBurst, Seed = 7 });
        var series = new Series(result);
        var service = result.Truth!.Name;

        var own = series.Split(EntityKind.Service, service, MetricCatalog.ErrorRate);
        Assert.InRange(own.During, 0.3, 0.4);
        foreach (var caller in series.Snapshot.Graph.CallersOf(service))
        {
            var errors = series.Split(EntityKind.Service, caller, MetricCatalog.ErrorRate);
            Assert.True(errors.During > 2 * errors.Before && errors.During < own.During, $"{caller}: {errors.Before} -> {errors.During}");
        }
    }

    [Fact]
    public void Slow_service_slows_its_callers_and_their_callers()
    {
        var result = Scenario.Create(new ScenarioOptions { Fault = FaultKind.SlowService, Seed = 11 });
        var series = new Series(result);
        var graph = series.Snapshot.Graph;
        var slow = result.Truth!.Name;

        var upstream = graph.Services.Select(s => s.Name).Where(s => graph.DownstreamOf(s).Contains(slow)).ToList();
        Assert.Contains("frontend", upstream);
        var own = series.Split(EntityKind.Service, slow, MetricCatalog.LatencyMean);
        Assert.True(own.During > 3 * own.Before);
        foreach (var caller in graph.CallersOf(slow))
        {
            var mean = series.Split(EntityKind.Service, caller, MetricCatalog.LatencyMean);
            Assert.True(mean.During > 1.2 * mean.Before, $"{caller}: {mean.Before} -> {mean.During}");
        }
    }
}
