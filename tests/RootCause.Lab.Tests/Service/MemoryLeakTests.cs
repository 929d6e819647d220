using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using RootCause.Lab.Service.Control;

namespace RootCause.Lab.Tests.Service;

/// <summary>Measures this process's resident memory, so it runs alone (see <see cref="RunsAlone"/>).</summary>
[Collection(RunsAlone.Name)]
public sealed class MemoryLeakTests
{
    private const long MiB = 1 << 20;

    [Fact]
    public void The_leak_allocates_at_the_switched_rate_and_keeps_what_it_took()
    {
        var leak = new MemoryLeak(new ControlFile(null, TimeProvider.System, NullLogger.Instance), TimeProvider.System);

        leak.Advance(TimeSpan.FromSeconds(1), 24);
        Assert.Equal(24 * MiB, leak.HeldBytes);

        leak.Advance(TimeSpan.FromSeconds(5), 0);
        GC.Collect();
        Assert.Equal(24 * MiB, leak.HeldBytes);

        // Fractions carry over: four quarter-seconds at 2 MiB/s make 2 MiB.
        for (var i = 0; i < 4; i++)
        {
            leak.Advance(TimeSpan.FromSeconds(0.25), 2);
        }

        Assert.Equal(26 * MiB, leak.HeldBytes);
    }

    [Fact]
    public void Leaked_memory_is_resident_not_just_reserved()
    {
        var leak = new MemoryLeak(new ControlFile(null, TimeProvider.System, NullLogger.Instance), TimeProvider.System);
        GC.Collect();
        var before = ResidentBytes();

        leak.Advance(TimeSpan.FromSeconds(1), 128);

        Assert.Equal(128 * MiB, leak.HeldBytes);
        Assert.InRange(ResidentBytes() - before, 96 * MiB, long.MaxValue);
        GC.KeepAlive(leak);
    }

    [Fact]
    public async Task The_running_leak_follows_the_control_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rclab-leak-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"leakMbPerSecond": 40}""");
        try
        {
            using var leak = new MemoryLeak(new ControlFile(path, TimeProvider.System, NullLogger.Instance), TimeProvider.System);
            var running = System.Diagnostics.Stopwatch.StartNew();
            await leak.StartAsync(default);
            await Task.Delay(TimeSpan.FromSeconds(1));
            await File.WriteAllTextAsync(path, "{}");
            await Task.Delay(ControlFile.CheckInterval * 2);
            var held = leak.HeldBytes;
            var ran = running.Elapsed;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await leak.StopAsync(default);

            // At most 40 MiB/s for as long as it ran; at least most of the second before the switch went off.
            Assert.InRange(held, 25 * MiB, (long)(40 * MiB * ran.TotalSeconds) + MiB);
            Assert.Equal(held, leak.HeldBytes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
