using RootCause.Contracts;

namespace RootCause.Bundles.Tests;

/// <summary>Batches that arrive from outside a bundle (the bus, an upload) get the same checks, as a value.</summary>
public sealed class BatchProblemTests
{
    private static MetricBatch Sound() => SampleBundle.Create().Batches[0];

    [Fact]
    public void A_sound_batch_has_no_problem() => Assert.Null(BundleValidator.Problem(Sound()));

    [Fact]
    public void A_bus_message_with_a_missing_list_is_named_by_its_path() =>
        Assert.Equal("$.network: required (use [] when empty)", BundleValidator.Problem(Sound() with { Network = null! }));

    [Fact]
    public void A_null_sample_is_named_by_its_index() =>
        Assert.Equal("$.golden[0]: null; expected a value", BundleValidator.Problem(Sound() with { Golden = [null!] }));

    [Fact]
    public void Control_characters_in_a_name_are_refused() =>
        Assert.Equal("$.node: contains control characters", BundleValidator.Problem(Sound() with { Node = "node\u001b[31m" }));

    [Fact]
    public void A_null_batch_is_a_problem_not_an_exception() =>
        Assert.Equal("$[3]: a batch is null", BundleValidator.Problem(null, "$[3]"));
}
