using System.Text.Json;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Bundles.Tests;

public sealed class BundleRoundTripTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rootcause-bundles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("incident.json")]
    [InlineData("incident.json.gz")]
    public void Written_bundle_reads_back_equal(string name)
    {
        var bundle = SampleBundle.Create();
        var path = Path.Combine(_dir, name);

        BundleWriter.Write(bundle, path);
        var read = BundleReader.Read(path);

        Assert.Equal(JsonSerializer.Serialize(bundle, WireJson.Options), JsonSerializer.Serialize(read, WireJson.Options));
        Assert.Equal(bundle.Alert, read.Alert);
        Assert.Equal(bundle.Truth, read.Truth);
        Assert.Equal(bundle.Topology.Services, read.Topology.Services);
        Assert.Equal(bundle.Batches[0].Golden[0].Stats.LatencyCounts, read.Batches[0].Golden[0].Stats.LatencyCounts);
        Assert.Equal(bundle.Batches[1].IntervalStart, read.Batches[1].IntervalStart);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Gzip_bundles_are_compressed_and_plain_ones_are_camel_case_json_with_string_enums()
    {
        var bundle = SampleBundle.Create();
        var plain = Path.Combine(_dir, "b.json");
        var zipped = Path.Combine(_dir, "b.json.gz");
        BundleWriter.Write(bundle, plain);
        BundleWriter.Write(bundle, zipped);

        var text = File.ReadAllText(plain);
        Assert.StartsWith("{\"format\":\"rootcause.incident-bundle\",\"version\":1,", text, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"database\"", text, StringComparison.Ordinal);
        Assert.Contains("\"latencyCounts\":[", text, StringComparison.Ordinal);
        var gz = File.ReadAllBytes(zipped);
        Assert.Equal([0x1f, 0x8b], gz[..2]);
        Assert.True(gz.Length < text.Length);
    }

    [Fact]
    public void Snapshot_merges_declared_topology_with_the_batches()
    {
        var snapshot = SampleBundle.Create().ToSnapshot();

        Assert.Equal(3, snapshot.Intervals.Count);
        Assert.Equal(ServiceKind.Database, snapshot.Graph.Service("cart-db")!.Kind);
        Assert.Equal(["cart"], snapshot.Graph.CalleesOf("frontend"));
        Assert.Equal("n2", snapshot.Graph.Instance("cart-db-0")!.Node);
        var retransmits = snapshot.Series.Get(new EntityRef(EntityKind.NetworkEdge, "frontend-0 -> cart-0"), MetricCatalog.Retransmits)!;
        Assert.Equal([0, 0, 40 / 60.0], retransmits);
        var p99 = snapshot.Series.Get(new EntityRef(EntityKind.Service, "cart-db"), MetricCatalog.LatencyP99)!;
        Assert.True(p99[2] > 5 * p99[0]);
    }

    [Fact]
    public void Batch_arrays_in_the_wire_format_parse_and_validate()
    {
        var batches = SampleBundle.Create().Batches;
        var json = JsonSerializer.SerializeToUtf8Bytes(batches, WireJson.Options);

        var read = BundleReader.ParseBatches(json);

        Assert.Equal(6, read.Count);
        Assert.Equal("agent-n2", read[1].AgentId);
        var bad = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(json).Replace("\"intervalSeconds\":60", "\"intervalSeconds\":-60", StringComparison.Ordinal));
        var e = Assert.Throws<BundleFormatException>(() => BundleReader.ParseBatches(bad));
        Assert.Equal("$[0].intervalSeconds: must be in (0, 86400] seconds, found -60", e.Message);
    }

    [Fact]
    public void Writer_refuses_a_bundle_that_would_not_read_back()
    {
        var bundle = SampleBundle.Create();
        var batch = bundle.Batches[0];
        var nan = bundle with
        {
            Batches = [batch with { Golden = [batch.Golden[0] with { Stats = batch.Golden[0].Stats with { LatencySumSeconds = double.NaN } }] }],
        };
        var path = Path.Combine(_dir, "nan.json");

        var e = Assert.Throws<BundleFormatException>(() => BundleWriter.Write(nan, path));

        Assert.Equal("$.batches[0].golden[0].stats.latencySumSeconds: must be a finite number >= 0, found NaN", e.Message);
        Assert.False(File.Exists(path));
    }
}
