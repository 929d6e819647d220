using System.Diagnostics;
using System.Text.Json;
using RootCause.Bundles;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Simulation.Tests;

public sealed class ScenarioTests
{
    [Theory]
    [InlineData(FaultKind.NetworkLoss, EntityKind.NetworkEdge)]
    [InlineData(FaultKind.CpuSaturation, EntityKind.Node)]
    [InlineData(FaultKind.MemoryPressure, EntityKind.Instance)]
    [InlineData(FaultKind.SlowService, EntityKind.Service)]
    [InlineData(FaultKind.ErrorBurst, EntityKind.Service)]
    [InlineData(FaultKind.SlowDatabase, EntityKind.Service)]
    [InlineData(FaultKind.ConnectionFailures, EntityKind.Instance)]
    public void Default_targets_make_the_entry_alert_fire_after_the_onset(FaultKind kind, EntityKind targetKind)
    {
        var result = Scenario.Create(new ScenarioOptions { Fault = kind, Seed = 5 });

        Assert.NotNull(result.Symptom);
        Assert.Equal("frontend", result.Symptom.Service);
        Assert.Equal("simulator", result.Symptom.Source);
        Assert.True(result.Symptom.At > result.Fault!.Onset, $"alert at {result.Symptom.At}, onset {result.Fault.Onset}");
        Assert.True(result.Symptom.At <= result.Fault.Onset + result.Fault.Duration);
        Assert.Equal(FaultClasses.IdOf(kind), result.Truth!.FaultClass);
        Assert.Equal(targetKind, result.Truth.Kind);
        Assert.Equal(result.Fault.Onset, result.Truth.Onset);

        // Before the onset the KPI stays under the threshold the alert uses.
        var series = new Series(result);
        var metric = result.Symptom.Kpi == Kpis.Latency ? MetricCatalog.LatencyP99 : MetricCatalog.ErrorRate;
        var threshold = result.Symptom.Kpi == Kpis.Latency ? result.Thresholds.LatencyP99Seconds : result.Thresholds.ErrorRate;
        var kpi = series.Of(EntityKind.Service, "frontend", metric);
        Assert.All(kpi[..series.Onset], v => Assert.True(v <= threshold));
        Assert.True(kpi[series.Snapshot.IndexAt(result.Symptom.At) - 1] > threshold);
    }

    [Fact]
    public void Healthy_run_raises_no_alert_and_has_no_truth()
    {
        var result = Scenario.Create(new ScenarioOptions { Fault = null, Seed = 5 });

        Assert.Null(result.Symptom);
        Assert.Null(result.Webhook);
        Assert.Null(result.Truth);
        Assert.Throws<InvalidOperationException>(() => result.ToBundle());
    }

    [Fact]
    public void Same_seed_gives_identical_batches_and_another_seed_does_not()
    {
        var options = new ScenarioOptions { Fault = FaultKind.NetworkLoss, Seed = 42, BaselineMinutes = 20, FaultMinutes = 10 };

        var a = JsonSerializer.Serialize(Scenario.Create(options).ToBundle(), WireJson.Options);
        var b = JsonSerializer.Serialize(Scenario.Create(options).ToBundle(), WireJson.Options);
        var c = JsonSerializer.Serialize(Scenario.Create(options with { Seed = 43 }).ToBundle(), WireJson.Options);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Faults_change_nothing_before_their_onset()
    {
        var healthy = Scenario.Create(new ScenarioOptions { Fault = null, Seed = 9 });
        var faulty = Scenario.Create(new ScenarioOptions { Fault = FaultKind.SlowService, Seed = 9 });
        var before = healthy.Options.BaselineMinutes * healthy.Options.Nodes;

        Assert.Equal(
            JsonSerializer.Serialize(healthy.Batches.Take(before), WireJson.Options),
            JsonSerializer.Serialize(faulty.Batches.Take(before), WireJson.Options));
    }

    [Fact]
    public void Topology_has_a_gateway_layered_services_and_leaf_stores()
    {
        var result = Scenario.Create(new ScenarioOptions { Services = 40, InstancesPerService = 3, Nodes = 10, Fault = null });
        var graph = result.Topology.ToGraph();

        Assert.Equal(40, graph.ServiceCount);
        Assert.Equal(120, graph.InstanceCount);
        Assert.Equal(10, graph.Nodes.Count);
        Assert.Empty(graph.CallersOf("frontend"));
        Assert.Equal(39, graph.DownstreamOf("frontend").Count);
        var stores = graph.Services.Where(s => s.Kind is ServiceKind.Database or ServiceKind.Cache).ToList();
        Assert.Contains(stores, s => s.Kind == ServiceKind.Database);
        Assert.Contains(stores, s => s.Kind == ServiceKind.Cache);
        Assert.All(stores, s => Assert.Empty(graph.CalleesOf(s.Name)));
        Assert.All(graph.Services, s => Assert.Equal(3, graph.NodesOf(s.Name).Count));
        var operations = result.Batches.SelectMany(b => b.Golden).Where(g => g.Service != "frontend" && !stores.Any(s => s.Name == g.Service)).Select(g => g.Operation).ToHashSet();
        Assert.Contains(operations, o => o.StartsWith("GET /", StringComparison.Ordinal));
        Assert.Contains(operations, o => o.StartsWith("POST /", StringComparison.Ordinal));
    }

    [Fact]
    public void Batches_come_one_per_node_per_interval_with_both_sides_of_every_call()
    {
        var result = Scenario.Create(new ScenarioOptions { Fault = null, BaselineMinutes = 5, FaultMinutes = 0 });
        var snapshot = new TelemetrySnapshot(result.Topology.ToGraph(), result.Batches);

        Assert.Equal(5 * 8, result.Batches.Count);
        Assert.All(snapshot.Intervals, i => Assert.Equal(8, i.Batches.Count));
        Assert.All(result.Batches, b => Assert.All(b.Instances, i => Assert.Equal(b.Node, i.Node)));
        var all = result.Batches;
        var serverEdges = all.SelectMany(b => b.Golden).Where(g => g.Caller != "external").Select(g => new CallEdge(g.Caller, g.Service)).ToHashSet();
        var clientEdges = all.SelectMany(b => b.Calls).Select(c => new CallEdge(c.Caller, c.Callee)).ToHashSet();
        Assert.Equal(result.Topology.Calls.Count, serverEdges.Count);
        Assert.True(serverEdges.SetEquals(clientEdges));

        // The client side of an edge includes the network, so it is slower than the server side of the same edge.
        foreach (var call in result.Topology.Calls)
        {
            var server = all.SelectMany(b => b.Golden).Where(g => g.Caller == call.Caller && g.Service == call.Callee).Select(g => g.Stats).ToList();
            var client = all.SelectMany(b => b.Calls).Where(c => c.Caller == call.Caller && c.Callee == call.Callee).Select(c => c.Stats).ToList();
            Assert.Equal(server.Sum(s => s.Requests), client.Sum(c => c.Requests), (double)server.Sum(s => s.Requests) * 0.05);
            var serverMean = server.Sum(s => s.LatencySumSeconds) / server.Sum(s => s.Requests);
            var clientMean = client.Sum(c => c.LatencySumSeconds) / client.Sum(c => c.Requests);
            Assert.True(clientMean > serverMean, $"{call.Caller} -> {call.Callee}: client {clientMean}, server {serverMean}");
        }
    }

    [Fact]
    public void A_thousand_service_topology_generates_quickly()
    {
        var watch = Stopwatch.StartNew();
        var result = Scenario.Create(new ScenarioOptions { Services = 1000, InstancesPerService = 3, Nodes = 60, BaselineMinutes = 3, FaultMinutes = 2, Fault = FaultKind.SlowDatabase });
        watch.Stop();

        var graph = result.Topology.ToGraph();
        Assert.Equal(1000, graph.ServiceCount);
        Assert.Equal(3000, graph.InstanceCount);
        Assert.Equal(999, graph.DownstreamOf("frontend").Count);
        Assert.InRange(graph.CalleesOf("frontend").Count, 2, 12);
        Assert.Equal(5 * 60, result.Batches.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Named_targets_are_used_and_wrong_ones_explained()
    {
        var probe = Scenario.Create(new ScenarioOptions { Fault = null, BaselineMinutes = 1 });
        var instance = probe.Topology.Instances.First(i => i.Service == "checkout").Name;

        var named = Scenario.Create(new ScenarioOptions { Fault = FaultKind.MemoryPressure, Target = instance, BaselineMinutes = 20 });
        Assert.Equal(new EntityRef(EntityKind.Instance, instance), named.Fault!.Target);

        var nodeLoss = Scenario.Create(new ScenarioOptions { Fault = FaultKind.NetworkLoss, Target = "node-03", BaselineMinutes = 20 });
        Assert.Equal(new GroundTruth(EntityKind.Node, "node-03", "network_loss", nodeLoss.Fault!.Onset, 1800), nodeLoss.Truth);

        var e = Assert.Throws<ArgumentException>(() => Scenario.Create(new ScenarioOptions { Fault = FaultKind.SlowDatabase, Target = "checkout" }));
        Assert.Equal("\"checkout\" is a service; slow_database targets a database or cache", e.Message);
        Assert.Throws<ArgumentException>(() => Scenario.Create(new ScenarioOptions { Fault = FaultKind.CpuSaturation, Target = "node-99" }));
        Assert.Throws<ArgumentException>(() => Scenario.Create(new ScenarioOptions { Services = 3 }));
    }

    [Fact]
    public void Webhook_is_a_firing_alertmanager_v4_payload_for_the_symptom()
    {
        var result = Scenario.Create(new ScenarioOptions { Fault = FaultKind.SlowDatabase });
        var json = JsonDocument.Parse(result.Webhook!.ToJson()).RootElement;

        Assert.Equal("4", json.GetProperty("version").GetString());
        Assert.Equal("firing", json.GetProperty("status").GetString());
        Assert.Equal("{}:{alertname=\"HighRequestLatency\"}", json.GetProperty("groupKey").GetString());
        var alert = json.GetProperty("alerts")[0];
        var labels = alert.GetProperty("labels");
        Assert.Equal("HighRequestLatency", labels.GetProperty("alertname").GetString());
        Assert.Equal("frontend", labels.GetProperty("service").GetString());
        Assert.Equal("critical", labels.GetProperty("severity").GetString());
        Assert.Equal("latency", labels.GetProperty("kpi").GetString());
        Assert.Equal(result.Symptom!.At, DateTimeOffset.Parse(alert.GetProperty("startsAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0001-01-01T00:00:00Z", alert.GetProperty("endsAt").GetString());
        Assert.Contains("ms (threshold", alert.GetProperty("annotations").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(16, alert.GetProperty("fingerprint").GetString()!.Length);
        Assert.True(json.TryGetProperty("externalURL", out _));
    }

    [Fact]
    public void Bundle_of_a_scenario_round_trips_and_keeps_the_truth_apart()
    {
        var result = Scenario.Create(new ScenarioOptions { Fault = FaultKind.CpuSaturation, BaselineMinutes = 30, FaultMinutes = 10 });
        var path = Path.Combine(Path.GetTempPath(), $"rootcause-sim-{Environment.ProcessId}.json.gz");
        try
        {
            BundleWriter.Write(result.ToBundle(), path);
            var read = BundleReader.Read(path);

            Assert.Equal(result.Symptom, read.Alert);
            Assert.Equal(result.Truth, read.Truth);
            Assert.Equal(result.Batches.Count, read.Batches.Count);
            Assert.StartsWith("Simulated cpu_saturation at node ", read.Description, StringComparison.Ordinal);
            var series = read.ToSnapshot().Series;
            var p99 = series.Get(new EntityRef(EntityKind.Service, "frontend"), MetricCatalog.LatencyP99)!;
            Assert.Equal(new Series(result).Of(EntityKind.Service, "frontend", MetricCatalog.LatencyP99), p99);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
