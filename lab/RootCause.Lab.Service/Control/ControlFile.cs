using Microsoft.Extensions.Logging;

namespace RootCause.Lab.Service.Control;

/// <summary>
/// The lab's fault switches, re-read when the file's modification time or length changes and checked at most once per
/// <see cref="CheckInterval"/>. A missing file means all off; a bad file keeps the last good switches and says why once.
/// Checked lazily on read, so every request and the leak loop see a change within the interval without a timer.
/// </summary>
internal sealed class ControlFile
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(250);

    private readonly string? path;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly long intervalTimestampTicks;
    private readonly Lock gate = new();
    private long nextCheck = long.MinValue;
    private (DateTime Modified, long Length)? seen;
    private volatile ControlSwitches current = ControlSwitches.Off;

    public ControlFile(string? path, TimeProvider time, ILogger logger)
    {
        this.path = path;
        this.time = time;
        this.logger = logger;
        intervalTimestampTicks = (long)(CheckInterval.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>Why the file on disk was rejected, or null when the switches in force are the file's.</summary>
    public string? LastError { get; private set; }

    public ControlSwitches Current
    {
        get
        {
            if (path is null)
            {
                return ControlSwitches.Off;
            }

            var now = time.GetTimestamp();
            if (now < Volatile.Read(ref nextCheck))
            {
                return current;
            }

            lock (gate)
            {
                if (now >= nextCheck)
                {
                    Refresh(path);
                    Volatile.Write(ref nextCheck, now + intervalTimestampTicks);
                }
            }

            return current;
        }
    }

    private void Refresh(string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            if (seen is not null)
            {
                Apply(ControlSwitches.Off, "file removed");
            }

            seen = null;
            LastError = null;
            return;
        }

        var stamp = (info.LastWriteTimeUtc, info.Length);
        if (stamp == seen)
        {
            return;
        }

        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (IOException e)
        {
            // Left unseen so the next check tries again.
            LastError = $"control file {file}: cannot read ({e.Message}); keeping {current}";
            return;
        }

        seen = stamp;
        if (ControlSwitches.TryParse(text, out var switches, out var error))
        {
            LastError = null;
            Apply(switches, "file changed");
        }
        else
        {
            LastError = $"control file {file}: {error}; keeping {current}";
            logger.LogWarning("{Error}", LastError);
        }
    }

    private void Apply(ControlSwitches switches, string why)
    {
        if (switches != current)
        {
            // A warning on purpose: a switch is a fault being injected or removed, the one event worth a line in the log.
            logger.LogWarning("fault switches now {Switches} ({Why})", switches, why);
        }

        current = switches;
    }
}
