using System.IO.Compression;
using System.Text;

namespace RootCause.Bundles.Tests;

public sealed class HostileBundleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rootcause-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string ValidJson() => Encoding.UTF8.GetString(BundleWriter.ToUtf8Json(SampleBundle.Create()));

    private static BundleFormatException Reject(string json) =>
        Assert.Throws<BundleFormatException>(() => BundleReader.Parse(Encoding.UTF8.GetBytes(json)));

    private static string Mutate(string json, string from, string to)
    {
        Assert.Contains(from, json, StringComparison.Ordinal);
        var i = json.IndexOf(from, StringComparison.Ordinal);
        return json[..i] + to + json[(i + from.Length)..];
    }

    [Fact]
    public void Truncated_file_names_where_it_ends()
    {
        var json = ValidJson();

        var e = Reject(json[..(json.Length / 2)]);

        Assert.StartsWith("$", e.Message, StringComparison.Ordinal);
        Assert.Contains("(line 1, byte ", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Unknown_version_is_refused_before_anything_else()
    {
        var e = Reject(Mutate(ValidJson(), "\"version\":1", "\"version\":2,\"newField\":{}"));

        Assert.Equal("$.version: unsupported bundle version 2; this build reads version 1", e.Message);
    }

    [Fact]
    public void Wrong_format_id_and_missing_version_are_refused()
    {
        Assert.Equal("$.format: expected \"rootcause.incident-bundle\", found \"otel\"", Reject(Mutate(ValidJson(), "rootcause.incident-bundle", "otel")).Message);
        Assert.Equal("$.version: missing", Reject(Mutate(ValidJson(), "\"version\":1,", "")).Message);
        Assert.Equal("$.version: must be an integer", Reject(Mutate(ValidJson(), "\"version\":1", "\"version\":\"1\"")).Message);
    }

    [Fact]
    public void Wrong_type_names_the_json_path()
    {
        var e = Reject(Mutate(ValidJson(), "\"requests\":600", "\"requests\":\"600\""));

        Assert.Equal("$.batches[0].golden[0].stats.requests", e.JsonPath);
        Assert.StartsWith("$.batches[0].golden[0].stats.requests (line 1, byte ", e.Message, StringComparison.Ordinal);
        Assert.Contains("The JSON value could not be converted to", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_as_number_or_unknown_name_is_refused()
    {
        Assert.Equal("$.topology.services[0].kind", Reject(Mutate(ValidJson(), "\"kind\":\"service\"", "\"kind\":0")).JsonPath);
        Assert.Equal("$.topology.services[0].kind", Reject(Mutate(ValidJson(), "\"kind\":\"service\"", "\"kind\":\"mainframe\"")).JsonPath);
    }

    [Fact]
    public void Missing_required_field_is_named()
    {
        var e = Reject(Mutate(ValidJson(), "\"agentId\":\"agent-n1\",", ""));

        Assert.Contains("agentId", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.batches[0]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_and_duplicate_properties_are_refused()
    {
        Assert.Contains("'colour'", Reject(Mutate(ValidJson(), "\"agentId\":", "\"colour\":1,\"agentId\":")).Message, StringComparison.Ordinal);
        Assert.Contains("Duplicate", Reject(Mutate(ValidJson(), "\"agentId\":", "\"agentId\":\"x\",\"agentId\":")).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Null_where_a_value_is_required_is_refused()
    {
        var e = Reject(Mutate(ValidJson(), "\"golden\":[", "\"golden\":null,\"x\":["));

        Assert.StartsWith("$.batches[0]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_count_is_refused_with_its_path()
    {
        var e = Reject(Mutate(ValidJson(), "\"retransmits\":0", "\"retransmits\":-5"));

        Assert.Equal("$.batches[0].network[0].retransmits: must be >= 0, found -5", e.Message);
    }

    [Fact]
    public void NaN_is_refused_in_every_spelling()
    {
        // A bare NaN is not JSON at all; the quoted one is a string where a number belongs.
        var bare = Reject(Mutate(ValidJson(), "\"latencySumSeconds\":12", "\"latencySumSeconds\":NaN"));
        Assert.Matches(@"^\$ \(line 1, byte \d+\): 'N' is an invalid start of a value\.$", bare.Message);
        Assert.Equal("$.batches[0].golden[0].stats.latencySumSeconds", Reject(Mutate(ValidJson(), "\"latencySumSeconds\":12", "\"latencySumSeconds\":\"NaN\"")).JsonPath);
    }

    [Fact]
    public void Histogram_with_the_wrong_number_of_buckets_is_refused()
    {
        var e = Reject(Mutate(ValidJson(), "\"latencyCounts\":[0,0,0,0,", "\"latencyCounts\":[0,0,0,"));

        Assert.Equal("$.batches[0].golden[0].stats.latencyCounts: has 13 buckets, expected 14 (one per LatencyBuckets bound)", e.Message);
    }

    [Fact]
    public void References_to_undeclared_services_and_unknown_kpis_are_refused()
    {
        Assert.Equal("$.topology.instances[0].service: service \"frontend\" is not declared in $.topology.services",
            Reject(Mutate(ValidJson(), "{\"name\":\"frontend\",\"kind\":\"service\"},", "")).Message);
        Assert.Equal("$.alert.kpi: unknown KPI \"joy\"; expected one of latency, error_rate, throughput",
            Reject(Mutate(ValidJson(), "\"kpi\":\"latency\"", "\"kpi\":\"joy\"")).Message);
    }

    [Fact]
    public void Deeply_nested_document_stops_at_the_depth_cap()
    {
        var json = Mutate(ValidJson(), "\"description\":\"hand-made sample\"", "\"description\":" + new string('[', 100_000) + new string(']', 100_000));

        var e = Reject(json);

        Assert.Contains("maximum configured depth of 32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fifty_megabytes_of_garbage_fail_at_the_first_byte()
    {
        var garbage = new byte[50 << 20];
        new Random(1).NextBytes(garbage);
        garbage[0] = (byte)'x';
        var path = Path.Combine(_dir, "garbage.json");
        File.WriteAllBytes(path, garbage);

        var e = Assert.Throws<BundleFormatException>(() => BundleReader.Read(path));

        Assert.StartsWith("$ (line 1, byte 1): 'x' is an invalid start of a value.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_over_the_size_cap_are_refused_without_parsing()
    {
        var path = Path.Combine(_dir, "big.json");
        File.WriteAllText(path, ValidJson());

        var e = Assert.Throws<BundleFormatException>(() => BundleReader.Read(path, maxBytes: 1000));

        Assert.Equal("the bundle is larger than the 1,000-byte limit", e.Message);
    }

    [Fact]
    public void A_gzip_bomb_is_stopped_at_the_decompressed_size_cap()
    {
        var path = Path.Combine(_dir, "bomb.json.gz");
        using (var file = File.Create(path))
        using (var zip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
            {
                zip.Write(zeros);
            }
        }

        var e = Assert.Throws<BundleFormatException>(() => BundleReader.Read(path, maxBytes: 8 << 20));

        Assert.True(new FileInfo(path).Length < 1 << 20);
        Assert.Equal("the bundle is larger than the 8,388,608-byte limit once decompressed", e.Message);
    }

    [Fact]
    public void Garbage_named_gz_and_gzip_named_json_are_refused_clearly()
    {
        var fake = Path.Combine(_dir, "fake.json.gz");
        File.WriteAllText(fake, ValidJson());
        Assert.StartsWith("not a valid gzip stream", Assert.Throws<BundleFormatException>(() => BundleReader.Read(fake)).Message, StringComparison.Ordinal);

        var real = Path.Combine(_dir, "real.json.gz");
        BundleWriter.Write(SampleBundle.Create(), real);
        var misnamed = Path.Combine(_dir, "misnamed.json");
        File.Copy(real, misnamed);
        Assert.Equal("the file is gzip-compressed but its name does not end in .gz", Assert.Throws<BundleFormatException>(() => BundleReader.Read(misnamed)).Message);
    }

    [Fact]
    public void Empty_file_null_and_non_object_roots_are_refused()
    {
        Assert.Equal("$: the file is empty", Reject(" \n").Message);
        Assert.Equal("$: a bundle is a JSON object, found Null", Reject("null").Message);
        Assert.Equal("$: a bundle is a JSON object, found StartArray", Reject("[]").Message);
    }

    [Fact]
    public void Missing_file_is_a_format_error_not_a_crash()
    {
        var e = Assert.Throws<BundleFormatException>(() => BundleReader.Read(Path.Combine(_dir, "nope.json")));

        Assert.StartsWith("cannot open bundle ", e.Message, StringComparison.Ordinal);
    }
}
