using RootCause.Lab.AlertChain;

namespace RootCause.Lab.Tests.AlertChain;

public sealed class PrometheusApiTests
{
    [Theory]
    [InlineData("2026-12-03T12:45:01.123456789Z", 1_234_567)]
    [InlineData("2026-12-03T12:45:01.1Z", 1_000_000)]
    [InlineData("2026-12-03T12:45:01Z", 0)]
    [InlineData("2026-12-03T13:45:01.123456789+01:00", 1_234_567)]
    public void Prometheus_times_with_up_to_nine_fractional_digits_read_in_UTC_to_the_tick(string text, long fractionTicks)
    {
        var at = PrometheusApi.ParseTime(text);

        Assert.Equal(TimeSpan.Zero, at.Offset);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 12, 45, 1, TimeSpan.Zero).AddTicks(fractionTicks), at);
    }

    [Theory]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("1.5e-01", 0.15)]
    [InlineData("4", 4.0)]
    public void Sample_values_read_as_Prometheus_writes_them(string text, double value) =>
        Assert.Equal(value, PrometheusApi.ParseNumber(text));
}
