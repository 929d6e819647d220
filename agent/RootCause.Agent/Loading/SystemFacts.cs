using System.Globalization;
using RootCause.Agent.Interop;

namespace RootCause.Agent.Loading;

/// <summary>What the startup checks look at, read from this machine (tests build their own).</summary>
/// <param name="EffectiveUid">0 for root.</param>
/// <param name="EffectiveCapabilities">CapEff bit mask from /proc/self/status.</param>
/// <param name="KernelRelease">uname -r, e.g. "6.18.44-fc".</param>
/// <param name="HasBtf">/sys/kernel/btf/vmlinux exists (CO-RE needs it).</param>
/// <param name="TracefsEvents">Folder of tracepoint events, or null when tracefs is not mounted.</param>
/// <param name="TracefsMountError">Why mounting tracefs failed, when the agent tried.</param>
internal sealed record SystemFacts(
    uint EffectiveUid,
    ulong EffectiveCapabilities,
    string KernelRelease,
    bool HasBtf,
    string? TracefsEvents,
    string? TracefsMountError)
{
    public const string TracefsMountPoint = "/sys/kernel/tracing";

    /// <summary>Reads the facts; when tracefs is absent and <paramref name="mountTracefs"/> is set, mounts it first.</summary>
    public static SystemFacts Read(bool mountTracefs)
    {
        var status = SafeRead("/proc/self/status");
        var tracefs = FindTracefs();
        string? mountError = null;
        if (tracefs is null && mountTracefs)
        {
            if (LibC.Mount("tracefs", TracefsMountPoint, "tracefs", 0, 0) == 0)
            {
                tracefs = FindTracefs();
            }
            else
            {
                mountError = Errno.Describe(System.Runtime.InteropServices.Marshal.GetLastPInvokeError());
            }
        }

        return new SystemFacts(
            ParseStatusNumber(status, "Uid:", field: 1),
            ParseCapEff(status),
            SafeRead("/proc/sys/kernel/osrelease").Trim(),
            File.Exists("/sys/kernel/btf/vmlinux"),
            tracefs,
            mountError);
    }

    public static ulong ParseCapEff(string status)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith("CapEff:", StringComparison.Ordinal) &&
                ulong.TryParse(line["CapEff:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask))
            {
                return mask;
            }
        }

        return 0;
    }

    private static uint ParseStatusNumber(string status, string prefix, int field)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                var parts = line[prefix.Length..].Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > field && uint.TryParse(parts[field], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
            }
        }

        return uint.MaxValue;
    }

    private static string? FindTracefs()
    {
        foreach (var root in new[] { TracefsMountPoint, "/sys/kernel/debug/tracing" })
        {
            if (Directory.Exists(Path.Combine(root, "events", "syscalls")))
            {
                return Path.Combine(root, "events");
            }
        }

        return null;
    }

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
