using System.Text;

namespace RootCause.Lab.Service.Redis;

/// <summary>
/// Reads RESP2 replies from a stream through its own buffer. Strict: every line ends in CRLF, lengths are decimal
/// without sign tricks, and <see cref="RespLimits"/> bound what a reply may claim. Anything else is a
/// <see cref="RespProtocolException"/>; a stream that ends is an <see cref="EndOfStreamException"/>.
/// </summary>
internal sealed class RespReader(Stream stream, RespLimits? limits = null)
{
    private readonly RespLimits limits = limits ?? RespLimits.Default;
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;

    /// <summary>Bytes received but not yet read as a reply; on an idle connection that means the stream is out of step.</summary>
    public bool HasBufferedData => end > start;

    public ValueTask<RespValue> ReadAsync(CancellationToken cancellationToken) => ReadValueAsync(0, cancellationToken);

    private async ValueTask<RespValue> ReadValueAsync(int depth, CancellationToken cancellationToken)
    {
        var (lineStart, lineLength) = await ReadLineAsync(depth == 0, cancellationToken);
        var type = buffer[lineStart];
        var content = new ReadOnlyMemory<byte>(buffer, lineStart + 1, lineLength - 1);
        switch (type)
        {
            case (byte)'+':
                return RespValue.Simple(Encoding.UTF8.GetString(content.Span));
            case (byte)'-':
                return RespValue.Error(Encoding.UTF8.GetString(content.Span));
            case (byte)':':
                return RespValue.Number(ParseInteger(content.Span, "integer"));
            case (byte)'$':
                {
                    var length = ParseLength(content.Span, "bulk length", limits.MaximumBulkBytes);
                    if (length < 0)
                    {
                        return RespValue.Null;
                    }

                    var offset = await FillAsync(length + 2, cancellationToken);
                    if (buffer[offset + length] != '\r' || buffer[offset + length + 1] != '\n')
                    {
                        throw new RespProtocolException($"bulk string of {length} bytes is not followed by CRLF");
                    }

                    var text = Encoding.UTF8.GetString(buffer, offset, length);
                    start = offset + length + 2;
                    return RespValue.Bulk(text);
                }

            case (byte)'*':
                {
                    var count = ParseLength(content.Span, "array length", limits.MaximumArrayItems);
                    if (count < 0)
                    {
                        return RespValue.Null;
                    }

                    if (depth + 1 > limits.MaximumDepth)
                    {
                        throw new RespProtocolException($"arrays nested deeper than {limits.MaximumDepth}");
                    }

                    // Capacity from what arrived, not from what the server claims.
                    var items = new List<RespValue>(Math.Min(count, 64));
                    for (var i = 0; i < count; i++)
                    {
                        items.Add(await ReadValueAsync(depth + 1, cancellationToken));
                    }

                    return RespValue.List(items);
                }

            default:
                throw new RespProtocolException($"unknown reply type byte 0x{type:x2}");
        }
    }

    /// <summary>Reads up to CRLF; returns where the line starts in the buffer and its length without CRLF, and consumes it.</summary>
    private async ValueTask<(int Start, int Length)> ReadLineAsync(bool atReplyStart, CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start + scanned, end - start - scanned);
            if (newline >= 0)
            {
                var length = newline - start - 1;
                if (length < 0 || buffer[newline - 1] != '\r')
                {
                    throw new RespProtocolException("reply line ends in LF without CR");
                }

                if (length == 0)
                {
                    throw new RespProtocolException("empty reply line");
                }

                var lineStart = start;
                start = newline + 1;
                return (lineStart, length);
            }

            scanned = end - start;
            if (scanned > limits.MaximumLineBytes)
            {
                throw new RespProtocolException($"reply line longer than {limits.MaximumLineBytes} bytes");
            }

            await ReceiveAsync(scanned + 1, atReplyStart && scanned == 0, cancellationToken);
        }
    }

    /// <summary>Ensures <paramref name="count"/> bytes are buffered from the current position and returns their offset.</summary>
    private async ValueTask<int> FillAsync(int count, CancellationToken cancellationToken)
    {
        while (end - start < count)
        {
            await ReceiveAsync(count, false, cancellationToken);
        }

        return start;
    }

    /// <summary>Receives at least one more byte, compacting or growing the buffer so that <paramref name="needed"/> bytes fit.</summary>
    private async ValueTask ReceiveAsync(int needed, bool atReplyStart, CancellationToken cancellationToken)
    {
        if (end == buffer.Length || buffer.Length - start < needed)
        {
            var live = end - start;
            var size = buffer.Length;
            while (size < Math.Max(needed, live + 1))
            {
                size *= 2;
            }

            var target = size == buffer.Length ? buffer : new byte[size];
            Buffer.BlockCopy(buffer, start, target, 0, live);
            start = 0;
            end = live;
            buffer = target;
        }

        var received = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
        if (received == 0)
        {
            throw new EndOfStreamException(atReplyStart
                ? "the server closed the connection"
                : "the server closed the connection in the middle of a reply");
        }

        end += received;
    }

    private static int ParseLength(ReadOnlySpan<byte> text, string what, int maximum)
    {
        var value = ParseInteger(text, what);
        if (value == -1)
        {
            return -1;
        }

        if (value < 0 || value > maximum)
        {
            throw new RespProtocolException($"{what} {value} outside [-1, {maximum}]");
        }

        return (int)value;
    }

    private static long ParseInteger(ReadOnlySpan<byte> text, string what)
    {
        var negative = text.Length > 0 && text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.Length is 0 or > 19)
        {
            throw new RespProtocolException($"{what} '{Printable(text)}' is not a decimal number");
        }

        ulong value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                throw new RespProtocolException($"{what} '{Printable(text)}' is not a decimal number");
            }

            value = (value * 10) + (ulong)(b - '0');
        }

        if (value > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue))
        {
            throw new RespProtocolException($"{what} '{Printable(text)}' overflows 64 bits");
        }

        return negative ? (long)(0 - value) : (long)value;
    }

    private static string Printable(ReadOnlySpan<byte> text)
    {
        var shown = text[..Math.Min(text.Length, 40)];
        return string.Concat(shown.ToArray().Select(b => b is >= 0x20 and < 0x7f ? ((char)b).ToString() : $"\\x{b:x2}"));
    }
}
