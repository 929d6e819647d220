using System.Text;
using System.Text.Json;
using RootCause.Contracts;
using RootCause.Server.Inputs;
using RootCause.Server.Reports;
using RootCause.Server.Tests.Integration;

namespace RootCause.Server.Tests.Inputs;

public sealed class MetricBatchUploadTests
{
    [Fact]
    public void Batches_written_with_the_api_json_conventions_read_back_equal()
    {
        var batches = IncidentData.Batches().Take(3).ToArray();
        var json = JsonSerializer.Serialize(batches, ReportJson.Options);

        var result = MetricBatchUpload.Parse(Encoding.UTF8.GetBytes(json));

        Assert.True(result.IsValid, result.Error?.Detail);
        Assert.Equal(3, result.Value.Count);
        Assert.Equal(JsonSerializer.Serialize(batches, ReportJson.Options), JsonSerializer.Serialize(result.Value, ReportJson.Options));
    }

    [Fact]
    public void A_histogram_with_the_wrong_bucket_count_is_rejected_with_its_path()
    {
        var batch = IncidentData.Batches().First();
        var golden = batch.Golden[0] with { Stats = batch.Golden[0].Stats with { LatencyCounts = [1, 2, 3] } };
        var json = JsonSerializer.Serialize(new[] { batch with { Golden = [golden] } }, ReportJson.Options);

        var result = MetricBatchUpload.Parse(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsValid);
        Assert.Equal("$[0].golden[0].stats.latencyCounts", result.Error.Path);
        Assert.Contains("has 3 buckets, expected 14", result.Error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"agentId":"a"}]""", "missing required properties")]
    [InlineData("""[{"agentId":null,"node":"n","intervalStart":"2026-01-05T10:00:00Z","intervalSeconds":60,"instances":[],"golden":[],"calls":[],"network":[],"resources":[]}]""", "agentId")]
    [InlineData("""[{"agentId":"a","node":"n","intervalStart":"2026-01-05T10:00:00Z","intervalSeconds":0,"instances":[],"golden":[],"calls":[],"network":[],"resources":[]}]""", "intervalSeconds")]
    [InlineData("""[{"agentId":"a","node":"n","intervalStart":"2026-01-05T10:00:00Z","intervalSeconds":60,"instances":[null],"golden":[],"calls":[],"network":[],"resources":[]}]""", "$[0].instances[0]")]
    [InlineData("""{"agentId":"a"}""", "could not be converted")]
    public void Invalid_batches_are_rejected_with_a_reason(string body, string reason)
    {
        var result = MetricBatchUpload.Parse(Encoding.UTF8.GetBytes(body));

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error.Detail, StringComparison.OrdinalIgnoreCase);
    }
}
