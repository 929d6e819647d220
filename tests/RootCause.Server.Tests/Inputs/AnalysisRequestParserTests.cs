using System.Text;
using RootCause.Contracts;
using RootCause.Server.Inputs;

namespace RootCause.Server.Tests.Inputs;

public sealed class AnalysisRequestParserTests
{
    [Fact]
    public void Full_request_is_read_and_normalised()
    {
        var result = Parse("""{"service":"frontend","kpi":"p99 latency","operation":"GET /","time":"2026-01-05T10:00:00+02:00"}""");

        Assert.True(result.IsValid, result.Error?.Detail);
        Assert.Equal(new RequestedAnalysis("frontend", Kpis.Latency, "GET /", new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)), result.Value);
    }

    [Fact]
    public void Only_the_service_is_required()
    {
        var result = Parse("""{"service":"frontend"}""");

        Assert.True(result.IsValid, result.Error?.Detail);
        Assert.Equal(new RequestedAnalysis("frontend", Kpis.Latency, null, null), result.Value);
    }

    [Theory]
    [InlineData("""{"kpi":"latency"}""", "$.service", "'service' is required")]
    [InlineData("""{"service":"  "}""", "$.service", "'service' is required")]
    [InlineData("""{"service":"a","kpi":"mood"}""", "$.kpi", "Unknown KPI 'mood'")]
    [InlineData("""{"service":"a","time":"10 o'clock"}""", "$.time", "not an RFC 3339 time")]
    [InlineData("""{"service":"a","time":"0001-01-01T00:00:00Z"}""", "$.time", "outside the supported range")]
    [InlineData("""{"service":"a","time":12}""", "$.time", "could not be converted")]
    [InlineData("""{"service":"a","sevrice":"b"}""", "$.sevrice", "could not be mapped")]
    public void Bad_requests_say_what_and_where(string body, string path, string reason)
    {
        var result = Parse(body);

        Assert.False(result.IsValid);
        Assert.Equal(path, result.Error.Path);
        Assert.Contains(reason, result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_service_name_is_rejected()
    {
        var result = Parse($$"""{"service":"{{new string('x', 300)}}"}""");

        Assert.False(result.IsValid);
        Assert.Contains("at most 256", result.Error.Detail, StringComparison.Ordinal);
    }

    private static InputResult<RequestedAnalysis> Parse(string body) => AnalysisRequestParser.Parse(Encoding.UTF8.GetBytes(body));
}
