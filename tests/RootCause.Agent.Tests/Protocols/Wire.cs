using RootCause.Agent.Protocols;

namespace RootCause.Agent.Tests.Protocols;

/// <summary>Feeds a connection as the kernel copies a read or write: at most 512 bytes, or 480 and the last 32 with a tail.</summary>
internal static class Wire
{
    public const int PayloadMax = 512;
    public const int Tail = 32;

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);

    public static byte[] Ascii(string text) => System.Text.Encoding.Latin1.GetBytes(text);

    /// <summary>One event of <paramref name="bytes"/>: the first <paramref name="copied"/> bytes (default: up to 512) seen.</summary>
    public static void Feed(IProtocolConnection connection, bool ingress, byte[] bytes, long timestampNs, int copied = PayloadMax, bool afterLoss = false)
    {
        var head = bytes.AsSpan(0, Math.Min(copied, bytes.Length));
        connection.Feed(ingress, head, bytes.Length - head.Length, default, timestampNs, afterLoss);
    }

    /// <summary>One large event as the kernel copies a PostgreSQL write: its first 480 and last 32 bytes.</summary>
    public static void FeedWithTail(IProtocolConnection connection, bool ingress, byte[] bytes, long timestampNs)
    {
        var head = bytes.AsSpan(0, PayloadMax - Tail);
        var tail = bytes.AsSpan(bytes.Length - Tail);
        connection.Feed(ingress, head, bytes.Length - PayloadMax, tail, timestampNs, afterLoss: false);
    }

    /// <summary>The same bytes one event per byte: every header and body split across reads.</summary>
    public static void FeedByteByByte(IProtocolConnection connection, bool ingress, byte[] bytes, long timestampNs)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            connection.Feed(ingress, bytes.AsSpan(i, 1), 0, default, timestampNs + i, afterLoss: false);
        }
    }
}
