using RootCause.Lab.Service.Control;

namespace RootCause.Lab.Tests.Service;

public sealed class ControlSwitchesTests
{
    [Fact]
    public void The_contract_example_reads_and_missing_keys_are_off()
    {
        Assert.True(ControlSwitches.TryParse("""{"errorRate": 0.25, "addedLatencyMs": 300, "leakMbPerSecond": 8}""", out var all, out _));
        Assert.Equal(new ControlSwitches(0.25, 300, 8), all);

        Assert.True(ControlSwitches.TryParse("""{"addedLatencyMs": 40}""", out var some, out _));
        Assert.Equal(new ControlSwitches(0, 40, 0), some);

        Assert.True(ControlSwitches.TryParse("{}", out var none, out var error));
        Assert.Equal(ControlSwitches.Off, none);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("""{"errorRate": 1.5}""", "'errorRate' must be within [0, 1], found 1.5")]
    [InlineData("""{"errorRate": -0.1}""", "'errorRate' must be within [0, 1], found -0.1")]
    [InlineData("""{"addedLatencyMs": 2.5}""", "'addedLatencyMs' must be a whole number of milliseconds, found 2.5")]
    [InlineData("""{"addedLatencyMs": 600000}""", "'addedLatencyMs' must be within [0, 60000], found 600000")]
    [InlineData("""{"leakMbPerSecond": "8"}""", "'leakMbPerSecond' must be a number, found String")]
    [InlineData("""{"eror_rate": 0.5}""", "unknown key 'eror_rate' (errorRate, addedLatencyMs, leakMbPerSecond)")]
    [InlineData("[0.5]", "expected a JSON object, found Array")]
    [InlineData("{\"errorRate\": 0.5", "not valid JSON: ")]
    [InlineData("", "not valid JSON: ")]
    public void A_bad_file_is_refused_with_the_reason(string json, string why)
    {
        Assert.False(ControlSwitches.TryParse(json, out var switches, out var error));
        Assert.StartsWith(why, error, StringComparison.Ordinal);
        Assert.Equal(ControlSwitches.Off, switches);
    }
}
