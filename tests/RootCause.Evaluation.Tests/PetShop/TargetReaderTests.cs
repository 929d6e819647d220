using RootCause.Evaluation.PetShop;

namespace RootCause.Evaluation.Tests.PetShop;

public sealed class TargetReaderTests
{
    [Fact]
    public void Reads_target_and_ground_truth_and_ignores_metadata()
    {
        var target = TargetReader.Read(Fixture.Path("target_good.json"));

        Assert.Equal(new IssueTarget("web", "availability", "Average", 1681857605, "api"), target);
    }

    [Theory]
    [InlineData("target_bad_metric.json", 4, "target.metric 'throughput' is neither latency nor availability")]
    [InlineData("target_missing_root_cause.json", 1, "root_cause.node is missing")]
    [InlineData("target_invalid.json", 3, "invalid JSON")]
    public void A_malformed_target_is_an_error_naming_file_and_line(string file, int line, string problem)
    {
        var path = Fixture.Path(file);

        var e = Assert.Throws<DatasetFormatException>(() => TargetReader.Read(path));

        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_an_error_on_its_line()
    {
        var json = "{\"target\": {\"node\": \"web\", \"metric\": \"latency\", \"agg\": \"Average\", \"timestamp\": 1},\n \"root_cause\": {\"node\": \"api\", \"metric\": null},\n \"extra\": 1}"u8.ToArray();

        var e = Assert.Throws<DatasetFormatException>(() => TargetReader.Parse("t.json", json));

        Assert.Equal("t.json:3: unknown field 'extra'", e.Message);
    }
}
