using Microsoft.Extensions.Hosting;

namespace RootCause.Lab.Service.Control;

/// <summary>
/// The memory-pressure switch: allocates leakMbPerSecond MiB each second, writes one byte per page so the memory is
/// resident (not just reserved), and keeps every chunk until the process ends, as a real leak would.
/// </summary>
internal sealed class MemoryLeak(ControlFile control, TimeProvider time) : BackgroundService
{
    public const int ChunkBytes = 1 << 20;

    /// <summary>Stops growing here: the lab's memory limit is far lower, and a run without one must not take the host down.</summary>
    public const long MaximumHeldBytes = 4L << 30;

    private const int PageBytes = 4096;

    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    private readonly List<byte[]> chunks = [];
    private double owedBytes;
    private long heldBytes;

    public long HeldBytes => Interlocked.Read(ref heldBytes);

    /// <summary>Allocates what <paramref name="elapsed"/> at <paramref name="mbPerSecond"/> owes; whole chunks only, the rest carried.</summary>
    public void Advance(TimeSpan elapsed, double mbPerSecond)
    {
        if (mbPerSecond <= 0)
        {
            owedBytes = 0;
            return;
        }

        owedBytes += mbPerSecond * ChunkBytes * elapsed.TotalSeconds;
        while (owedBytes >= ChunkBytes && HeldBytes + ChunkBytes <= MaximumHeldBytes)
        {
            var chunk = GC.AllocateUninitializedArray<byte>(ChunkBytes);
            for (var i = 0; i < chunk.Length; i += PageBytes)
            {
                chunk[i] = 1;
            }

            chunks.Add(chunk);
            owedBytes -= ChunkBytes;
            Interlocked.Add(ref heldBytes, ChunkBytes);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        var last = time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = time.GetTimestamp();
                Advance(time.GetElapsedTime(last, now), control.Current.LeakMbPerSecond);
                last = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
