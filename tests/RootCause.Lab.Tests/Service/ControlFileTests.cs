using Microsoft.Extensions.Logging;
using RootCause.Lab.Service.Control;

namespace RootCause.Lab.Tests.Service;

public sealed class ControlFileTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"rclab-control-test-{Guid.NewGuid():N}.json");
    private readonly ManualTimeProvider time = new();
    private readonly RecordingLogger logger = new();
    private readonly ControlFile control;
    private int writes;

    public ControlFileTests() => control = new ControlFile(path, time, logger);

    public void Dispose() => File.Delete(path);

    [Fact]
    public void A_missing_file_means_every_switch_is_off()
    {
        Assert.Equal(ControlSwitches.Off, control.Current);
        Assert.Null(control.LastError);
        Assert.Equal(ControlSwitches.Off, new ControlFile(null, time, logger).Current);
    }

    [Fact]
    public void A_change_is_picked_up_at_the_next_check_and_not_before()
    {
        Write("""{"errorRate": 0.5}""");
        Assert.Equal(0.5, control.Current.ErrorRate);

        Write("""{"errorRate": 0.25, "addedLatencyMs": 300}""");
        time.Advance(ControlFile.CheckInterval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0.5, control.Current.ErrorRate);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new ControlSwitches(0.25, 300, 0), control.Current);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("errorRate=0.25 addedLatencyMs=300", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_json_keeps_the_last_good_switches_and_says_why_once()
    {
        Write("""{"addedLatencyMs": 200}""");
        Assert.Equal(200, control.Current.AddedLatencyMs);

        Write("""{"addedLatencyMs": 200, "errorRate": }""");
        time.Advance(ControlFile.CheckInterval);
        Assert.Equal(200, control.Current.AddedLatencyMs);
        time.Advance(ControlFile.CheckInterval);
        Assert.Equal(200, control.Current.AddedLatencyMs);

        Assert.StartsWith($"control file {path}: not valid JSON: ", control.LastError, StringComparison.Ordinal);
        Assert.EndsWith("; keeping errorRate=0 addedLatencyMs=200 leakMbPerSecond=0", control.LastError, StringComparison.Ordinal);
        Assert.Single(logger.Entries, e => e.Message == control.LastError);

        Write("""{"addedLatencyMs": 0}""");
        time.Advance(ControlFile.CheckInterval);
        Assert.Equal(ControlSwitches.Off, control.Current);
        Assert.Null(control.LastError);
    }

    [Fact]
    public void A_value_out_of_range_keeps_the_last_good_switches()
    {
        Write("""{"errorRate": 0.1}""");
        Assert.Equal(0.1, control.Current.ErrorRate);

        Write("""{"errorRate": 10}""");
        time.Advance(ControlFile.CheckInterval);

        Assert.Equal(0.1, control.Current.ErrorRate);
        Assert.Contains("'errorRate' must be within [0, 1], found 10", control.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_file_turns_every_switch_off()
    {
        Write("""{"leakMbPerSecond": 16}""");
        Assert.Equal(16, control.Current.LeakMbPerSecond);

        File.Delete(path);
        time.Advance(ControlFile.CheckInterval);

        Assert.Equal(ControlSwitches.Off, control.Current);
    }

    /// <summary>Writes as the lab does (temporary file, then rename), each time with a later modification time.</summary>
    private void Write(string json)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, json);
        File.SetLastWriteTimeUtc(temporary, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(++writes));
        File.Move(temporary, path, overwrite: true);
    }
}
