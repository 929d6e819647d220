using System.Globalization;
using System.Text.RegularExpressions;

namespace RootCause.Agent.Events;

/// <summary>
/// Names of the kernel's enum skb_drop_reason. The numbers change between kernel versions, so they are read
/// from the running kernel's kfree_skb tracepoint format ("__print_symbolic(REC->reason, { 2, "NOT_SPECIFIED" }, …)").
/// </summary>
internal sealed partial class DropReasonNames
{
    private static readonly string[] FormatFiles =
    [
        "/sys/kernel/tracing/events/skb/kfree_skb/format",
        "/sys/kernel/debug/tracing/events/skb/kfree_skb/format",
    ];

    private readonly Dictionary<uint, string> names;

    public DropReasonNames(Dictionary<uint, string> names)
    {
        this.names = names;
    }

    /// <summary>Without tracefs: every reason is named by its number.</summary>
    public static DropReasonNames None { get; } = new([]);

    public int Count => names.Count;

    public static DropReasonNames Load()
    {
        foreach (var file in FormatFiles)
        {
            try
            {
                return Parse(File.ReadAllText(file));
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return None;
    }

    public static DropReasonNames Parse(string format)
    {
        var names = new Dictionary<uint, string>();
        foreach (Match match in SymbolPattern().Matches(format))
        {
            if (uint.TryParse(match.Groups["value"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                names.TryAdd(value, match.Groups["name"].Value);
            }
        }

        return new DropReasonNames(names);
    }

    /// <summary>
    /// Reasons that are part of a socket's normal life, not loss: queued buffers purged or freed when the
    /// socket closes. Counting them as drops would make every short connection look lossy.
    /// </summary>
    public static bool IsHousekeeping(string reason) =>
        reason is "QUEUE_PURGE" or "SOCKET_CLOSE" or "TCP_CLOSE" or "SOCKET_DESTROYED";

    public string Name(uint reason) =>
        names.TryGetValue(reason, out var name) ? name : "reason " + reason.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("""\{\s*(?<value>\d+)\s*,\s*"(?<name>[A-Z0-9_]+)"\s*\}""")]
    private static partial Regex SymbolPattern();
}
