using System.Buffers;
using System.Buffers.Text;

namespace RootCause.Agent.Protocols.Redis;

/// <summary>
/// Streaming RESP framing of one direction of a Redis connection: commands (arrays of bulk strings; inline commands are
/// not read) or replies of every RESP2 and RESP3 type, nested to <see cref="MaxDepth"/>. It is fed the copied head of
/// each read or write and the count of bytes the kernel did not copy; bulk strings are passed over by length, so only a
/// length line, count line or simple value falling in uncopied bytes loses the boundaries. Then it waits for an event
/// that starts with a value. Keeps at most a command name and one short line; never throws on input.
/// </summary>
internal sealed class RespStreamParser
{
    public const int MaxDepth = 16;
    public const int MaxCommandName = 32;

    // Longest line whose content matters: a length or count ("-9223372036854775808").
    private const int MaxNumberLine = 24;

    // The server's proto-max-bulk-len default: a longer bulk string is not RESP the server would send or accept.
    private const long MaxBulkLength = 512L * 1024 * 1024;

    private static readonly SearchValues<byte> ReplyTypes = SearchValues.Create("+-:$*_,#!=(%~>|"u8);

    private readonly bool commands;
    private readonly long[] elementsLeft = new long[MaxDepth];
    private readonly byte[] line = new byte[MaxNumberLine];
    private readonly byte[] name = new byte[MaxCommandName];
    private int depth;
    private int lineLength;
    private bool lineTooLong;
    private byte valueType;
    private byte topType;
    private long remaining;
    private int nameLength;
    private bool awaitingName;
    private bool readingName;
    private long messageStartNs;

    /// <param name="commands">True for the direction the client writes.</param>
    public RespStreamParser(bool commands)
    {
        this.commands = commands;
    }

    public RespParserState State { get; private set; } = RespParserState.ValueStart;

    /// <summary>Feeds one event: <paramref name="captured"/> bytes seen, then <paramref name="uncaptured"/> bytes not copied.</summary>
    public void Feed(ReadOnlySpan<byte> captured, long uncaptured, long timestampNs, bool afterLoss, IRespMessageSink sink)
    {
        if (afterLoss)
        {
            EnterDesync();
        }

        if (State == RespParserState.Desync)
        {
            if (!LooksLikeValueStart(captured))
            {
                return;
            }

            State = RespParserState.ValueStart;
        }

        Consume(captured, timestampNs, sink);
        if (uncaptured == 0 || State == RespParserState.Desync)
        {
            return;
        }

        if (State == RespParserState.Bulk && uncaptured <= remaining)
        {
            if (readingName)
            {
                // The rest of the name was not copied.
                nameLength = MaxCommandName + 1;
                readingName = false;
            }

            remaining -= uncaptured;
            if (remaining == 0)
            {
                EndValue(timestampNs, sink);
            }

            return;
        }

        Lose(timestampNs, sink);
    }

    private void Consume(ReadOnlySpan<byte> bytes, long timestampNs, IRespMessageSink sink)
    {
        var position = 0;
        while (position < bytes.Length && State != RespParserState.Desync)
        {
            switch (State)
            {
                case RespParserState.ValueStart:
                    var type = bytes[position++];
                    if (commands && depth == 0 && type is (byte)'\r' or (byte)'\n')
                    {
                        // An empty inline command, which the server skips (redis-cli --pipe writes one before its ECHO).
                        break;
                    }

                    BeginValue(type, timestampNs, sink);
                    break;
                case RespParserState.Line:
                    var rest = bytes[position..];
                    var newline = rest.IndexOf((byte)'\n');
                    AppendLine(newline < 0 ? rest : rest[..newline]);
                    if (newline < 0)
                    {
                        return;
                    }

                    position += newline + 1;
                    EndLine(timestampNs, sink);
                    break;
                case RespParserState.Bulk:
                    var count = (int)Math.Min(remaining, bytes.Length - position);
                    if (readingName)
                    {
                        // The name's bytes, not the CRLF after them (counted in remaining).
                        var content = (int)Math.Min(count, Math.Max(0, remaining - 2));
                        var kept = Math.Min(content, MaxCommandName - nameLength);
                        bytes.Slice(position, kept).CopyTo(name.AsSpan(nameLength));
                        nameLength += kept;
                    }

                    position += count;
                    remaining -= count;
                    if (remaining == 0)
                    {
                        EndValue(timestampNs, sink);
                    }

                    break;
                default:
                    return;
            }
        }
    }

    private void BeginValue(byte type, long timestampNs, IRespMessageSink sink)
    {
        if (depth == 0)
        {
            messageStartNs = timestampNs;
            topType = type;
            nameLength = 0;
            awaitingName = false;
        }

        // A command is an array of bulk strings; a reply any RESP value.
        var valid = commands ? type == (depth == 0 ? (byte)'*' : (byte)'$') : ReplyTypes.Contains(type);
        if (!valid)
        {
            Fail(timestampNs, sink);
            return;
        }

        valueType = type;
        lineLength = 0;
        lineTooLong = false;
        State = RespParserState.Line;
    }

    private void EndLine(long timestampNs, IRespMessageSink sink)
    {
        var text = line.AsSpan(0, lineLength);
        if (!text.IsEmpty && text[^1] == (byte)'\r')
        {
            text = text[..^1];
        }

        switch (valueType)
        {
            case (byte)'$':
            case (byte)'!':
            case (byte)'=':
                if (!TryParseLength(text, out var length) || length > MaxBulkLength)
                {
                    Fail(timestampNs, sink);
                    return;
                }

                if (length < 0)
                {
                    EndValue(timestampNs, sink);
                    return;
                }

                readingName = commands && awaitingName && depth == 1;
                awaitingName &= !readingName;
                if (readingName && length > MaxCommandName)
                {
                    nameLength = MaxCommandName + 1;
                    readingName = false;
                }

                remaining = length + 2;
                State = RespParserState.Bulk;
                return;
            case (byte)'*':
            case (byte)'~':
            case (byte)'>':
            case (byte)'%':
            case (byte)'|':
                if (!TryParseLength(text, out var count))
                {
                    Fail(timestampNs, sink);
                    return;
                }

                // Maps and attributes hold a key and a value per entry.
                var elements = valueType is (byte)'%' or (byte)'|' ? count * 2 : count;
                if (elements <= 0)
                {
                    EndValue(timestampNs, sink);
                    return;
                }

                if (depth == MaxDepth)
                {
                    Fail(timestampNs, sink);
                    return;
                }

                awaitingName = commands && depth == 0;
                elementsLeft[depth++] = elements;
                State = RespParserState.ValueStart;
                return;
            default:
                // Simple string, error, integer, null, double, boolean, big number: the line is the value.
                EndValue(timestampNs, sink);
                return;
        }
    }

    private void EndValue(long timestampNs, IRespMessageSink sink)
    {
        State = RespParserState.ValueStart;
        readingName = false;
        while (depth > 0)
        {
            if (--elementsLeft[depth - 1] > 0)
            {
                return;
            }

            depth--;
        }

        if (commands)
        {
            sink.OnCommand(CommandName(), messageStartNs);
        }
        else if (topType is not ((byte)'>' or (byte)'|'))
        {
            // Pushes (RESP3 out-of-band data) and attributes (which precede a reply) answer no command.
            sink.OnReply(topType is (byte)'-' or (byte)'!', timestampNs);
        }
    }

    /// <summary>A boundary fell in uncopied bytes: report what was in progress, then wait for a value start.</summary>
    private void Lose(long timestampNs, IRespMessageSink sink)
    {
        var inProgress = depth > 0 || State != RespParserState.ValueStart;
        if (commands)
        {
            // The command cut short still counts once its name was read (all of it, if not its CRLF).
            var named = nameLength > 0 && !awaitingName && (!readingName || (State == RespParserState.Bulk && remaining <= 2));
            if (inProgress && named)
            {
                sink.OnCommand(CommandName(), messageStartNs);
            }

            sink.OnCommandsLost(timestampNs);
        }
        else
        {
            sink.OnRepliesLost(inProgress && topType is (byte)'-' or (byte)'!', timestampNs);
        }

        EnterDesync();
    }

    private void AppendLine(ReadOnlySpan<byte> bytes)
    {
        var count = Math.Min(bytes.Length, line.Length - lineLength);
        bytes[..count].CopyTo(line.AsSpan(lineLength));
        lineLength += count;
        lineTooLong |= count < bytes.Length;
    }

    private bool TryParseLength(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        return !lineTooLong && Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length && value >= -1;
    }

    /// <summary>The command's name upper-cased; "UNKNOWN" when it is cut short or not a command name's characters.</summary>
    private string CommandName() => nameLength > MaxCommandName ? RedisCommandNames.Unknown : RedisCommandNames.Of(name.AsSpan(0, nameLength));

    private bool LooksLikeValueStart(ReadOnlySpan<byte> bytes)
    {
        if (commands)
        {
            bytes = bytes.TrimStart("\r\n"u8);
            return bytes.Length >= 3 && bytes[0] == (byte)'*' && char.IsAsciiDigit((char)bytes[1]);
        }

        return bytes.Length >= 3 && ReplyTypes.Contains(bytes[0]) && bytes.IndexOf((byte)'\n') > 0;
    }

    private void Fail(long timestampNs, IRespMessageSink sink)
    {
        sink.OnParseFailure();
        if (!commands)
        {
            sink.OnRepliesLost(false, timestampNs);
        }

        EnterDesync();
    }

    private void EnterDesync()
    {
        State = RespParserState.Desync;
        depth = 0;
        lineLength = 0;
        awaitingName = false;
        readingName = false;
    }
}
