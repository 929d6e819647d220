using System.Text;
using System.Text.Json;
using RootCause.Contracts;

namespace RootCause.Bundles.Tests;

/// <summary>
/// Batches that arrive from outside a bundle (the bus, an upload) get the contracts' one validation, as a
/// value; a bundle's batches get the very same checks through it.
/// </summary>
public sealed class BatchProblemTests
{
    private static MetricBatch Sound() => SampleBundle.Create().Batches[0];

    [Fact]
    public void A_sound_batch_has_no_problem() => Assert.Null(MetricBatchValidator.Problem(Sound()));

    [Fact]
    public void A_bus_message_with_a_missing_list_is_named_by_its_path() =>
        Assert.Equal("$.network: required (use [] when empty)", MetricBatchValidator.Problem(Sound() with { Network = null! }));

    [Fact]
    public void A_null_sample_is_named_by_its_index() =>
        Assert.Equal("$.golden[0]: null; expected a value", MetricBatchValidator.Problem(Sound() with { Golden = [null!] }));

    [Fact]
    public void Control_characters_in_a_name_are_refused() =>
        Assert.Equal("$.node: contains control characters", MetricBatchValidator.Problem(Sound() with { Node = "node\u001b[31m" }));

    [Fact]
    public void A_null_batch_is_a_problem_not_an_exception() =>
        Assert.Equal("$[3]: a batch is null", MetricBatchValidator.Problem(null, "$[3]"));

    [Fact]
    public void An_undefined_service_kind_from_the_bus_is_refused()
    {
        var batch = Sound();
        var bad = batch with { Instances = [batch.Instances[0] with { Kind = (ServiceKind)42 }] };
        Assert.Equal(new WireProblem("$.instances[0].kind", "unknown service kind 42"), MetricBatchValidator.Check(bad));
    }

    [Fact]
    public void A_bundle_batch_fails_with_the_contracts_problem_and_its_path()
    {
        var bundle = SampleBundle.Create();
        var json = JsonSerializer.Serialize(bundle with { Batches = [bundle.Batches[0] with { IntervalSeconds = 0 }] }, WireJson.Options);
        var e = Assert.Throws<BundleFormatException>(() => BundleReader.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Equal("$.batches[0].intervalSeconds", e.JsonPath);
        Assert.Equal(MetricBatchValidator.Problem(bundle.Batches[0] with { IntervalSeconds = 0 }, "$.batches[0]"), e.Message);
    }

    [Fact]
    public void The_wire_format_writes_a_service_kind_as_a_camel_case_string_and_refuses_a_number()
    {
        var instance = new InstanceInfo("catalog-db@node-1", "catalog-db", "node-1", "10.0.0.20:5432", ServiceKind.Database);
        var json = JsonSerializer.Serialize(instance, WireJson.Options);
        Assert.Contains("\"kind\":\"database\"", json, StringComparison.Ordinal);
        Assert.Equal(instance, JsonSerializer.Deserialize<InstanceInfo>(json, WireJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<InstanceInfo>(json.Replace("\"database\"", "1", StringComparison.Ordinal), WireJson.Options));
    }

    [Fact]
    public void The_wire_format_refuses_an_unknown_property() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<InstanceInfo>(
            """{"instance":"a","service":"a","node":"n","address":null,"kind":"service","pid":1}""", WireJson.Options));
}
