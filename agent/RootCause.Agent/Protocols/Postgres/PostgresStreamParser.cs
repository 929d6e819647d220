using System.Buffers;
using System.Buffers.Binary;

namespace RootCause.Agent.Protocols.Postgres;

/// <summary>
/// Streaming framing of one direction of a PostgreSQL connection (protocol 3.0). The frontend starts with untyped
/// messages (int32 length, int32 code: SSLRequest, GSSENCRequest, then the StartupMessage); every other message is a
/// type byte and an int32 length that counts itself. Each read or write arrives as its copied head, the count of bytes
/// the kernel did not copy and, for large writes, their copied tail: boundaries are followed by length without seeing
/// the bodies, and only the first <see cref="MaxBodyPrefix"/> bytes of the messages the pairing needs are kept. When a
/// boundary falls in bytes nobody copied, the frontend waits for an event that starts with a message and the backend for
/// an event that ends with ReadyForQuery (the server flushes at it, and writes nothing more until the next request).
/// Never throws on input.
/// </summary>
internal sealed class PostgresStreamParser
{
    /// <summary>Body bytes kept of a message whose content matters (statement text and names).</summary>
    public const int MaxBodyPrefix = 256;

    public const int SslRequestCode = 80877103;
    public const int GssEncRequestCode = 80877104;
    public const int CancelRequestCode = 80877102;

    // What the server itself refuses: PQ_LARGE_MESSAGE_LIMIT and MAX_STARTUP_PACKET_LENGTH.
    private const int MaxMessageLength = 0x3fffffff;
    private const int MaxStartupLength = 10_000;
    private const int TypedHeader = 5;
    private const int UntypedHeader = 4;

    private static readonly SearchValues<byte> FrontendTypes = SearchValues.Create("BCDEFHPQSXcdfp"u8);
    private static readonly SearchValues<byte> BackendTypes = SearchValues.Create("123ACDEGHIKNRSTVWZcdnstv"u8);

    // Messages whose body the pairing reads: Query, Parse, Bind and Close name statements; untyped ones carry a code.
    private static readonly SearchValues<byte> KeptFrontendBodies = SearchValues.Create("QPBC\0"u8);

    private readonly bool frontend;
    private readonly byte[] header = new byte[TypedHeader];
    private readonly byte[] body = new byte[MaxBodyPrefix];
    private int headerLength;
    private int bodyLength;
    private bool bodyCut;
    private bool eventsLost;
    private long remaining;
    private byte type;
    private long messageStartNs;

    /// <param name="frontend">True for the direction the client writes.</param>
    public PostgresStreamParser(bool frontend)
    {
        this.frontend = frontend;
        State = frontend ? PostgresParserState.Startup : PostgresParserState.Header;
    }

    public PostgresParserState State { get; private set; }

    /// <summary>Feeds one event (see <see cref="IProtocolConnection.Feed"/>).</summary>
    public void Feed(ReadOnlySpan<byte> head, long gap, ReadOnlySpan<byte> tail, long timestampNs, bool afterLoss, IPostgresMessageSink sink)
    {
        if (State == PostgresParserState.Opaque)
        {
            return;
        }

        if (afterLoss)
        {
            EnterDesync();
            eventsLost = true;
        }

        if (State == PostgresParserState.Desync)
        {
            if (!frontend || !LooksLikeMessageStart(head))
            {
                RecoverAtEnd(head, gap, tail, timestampNs, sink);
                return;
            }

            Resync(sink);
        }

        Consume(head, timestampNs, sink);
        if (State == PostgresParserState.Opaque)
        {
            return;
        }

        if (State == PostgresParserState.Desync)
        {
            // Bytes that were not a message: the event's end may still be a boundary.
            RecoverAtEnd(head, gap, tail, timestampNs, sink);
            return;
        }

        if (gap == 0 && tail.IsEmpty)
        {
            return;
        }

        if (!Skip(gap, timestampNs, sink))
        {
            EnterDesync();
            RecoverAtEnd(default, 0, tail, timestampNs, sink);
            return;
        }

        Consume(tail, timestampNs, sink);
    }

    /// <summary>The frontend sent an SSLRequest or GSSENCRequest: the backend's next byte answers it.</summary>
    public void ExpectEncryptionAnswer()
    {
        if (State == PostgresParserState.Header && headerLength == 0)
        {
            State = PostgresParserState.EncryptionAnswer;
        }
    }

    /// <summary>The session is encrypted (or over): stop parsing.</summary>
    public void SwitchToOpaque() => State = PostgresParserState.Opaque;

    private void Consume(ReadOnlySpan<byte> bytes, long timestampNs, IPostgresMessageSink sink)
    {
        var position = 0;
        while (position < bytes.Length)
        {
            switch (State)
            {
                case PostgresParserState.EncryptionAnswer:
                    var answer = bytes[position];
                    State = PostgresParserState.Header;
                    if (answer is (byte)'S' or (byte)'G')
                    {
                        State = PostgresParserState.Opaque;
                        sink.OnEncrypted();
                        return;
                    }

                    if (answer == (byte)'N')
                    {
                        position++;
                    }

                    // Anything else is a typed message (an old server's ErrorResponse): read it as one.
                    break;
                case PostgresParserState.Startup:
                case PostgresParserState.Header:
                    if (headerLength == 0)
                    {
                        messageStartNs = timestampNs;
                    }

                    var size = State == PostgresParserState.Startup ? UntypedHeader : TypedHeader;
                    var take = Math.Min(size - headerLength, bytes.Length - position);
                    bytes.Slice(position, take).CopyTo(header.AsSpan(headerLength));
                    position += take;
                    headerLength += take;
                    if (headerLength == size)
                    {
                        headerLength = 0;
                        BeginMessage(timestampNs, sink);
                    }

                    break;
                case PostgresParserState.Body:
                    var count = (int)Math.Min(remaining, bytes.Length - position);
                    Keep(bytes.Slice(position, count));
                    position += count;
                    remaining -= count;
                    if (remaining == 0)
                    {
                        EndMessage(timestampNs, sink);
                    }

                    break;
                default:
                    // Desync or Opaque: the rest of this event is not parsed.
                    return;
            }
        }
    }

    private void BeginMessage(long timestampNs, IPostgresMessageSink sink)
    {
        bodyLength = 0;
        bodyCut = false;
        int length;
        if (State == PostgresParserState.Startup)
        {
            type = 0;
            length = BinaryPrimitives.ReadInt32BigEndian(header);
            if (length is < 8 or > MaxStartupLength)
            {
                Fail(sink);
                return;
            }
        }
        else
        {
            type = header[0];
            length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
            if (!IsValidHeader(type, length, frontend))
            {
                Fail(sink);
                return;
            }
        }

        remaining = length - 4;
        State = PostgresParserState.Body;
        if (remaining == 0)
        {
            EndMessage(timestampNs, sink);
        }
    }

    private void EndMessage(long timestampNs, IPostgresMessageSink sink)
    {
        var kept = body.AsSpan(0, bodyLength);
        if (type != 0)
        {
            State = PostgresParserState.Header;
            sink.OnMessage(frontend, type, kept, messageStartNs, timestampNs);
            return;
        }

        var code = kept.Length >= 4 ? BinaryPrimitives.ReadInt32BigEndian(kept) : 0;
        switch (code)
        {
            case SslRequestCode:
            case GssEncRequestCode:
                State = PostgresParserState.Startup;
                sink.OnEncryptionRequest();
                return;
            case CancelRequestCode:
                // A connection of its own that only asks the server to cancel another one's query.
                State = PostgresParserState.Opaque;
                return;
            default:
                // Protocol 3.x starts the session; anything else (2.0, unknown codes) is not read.
                State = code >> 16 == 3 ? PostgresParserState.Header : PostgresParserState.Opaque;
                return;
        }
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (bodyCut || bodyLength >= body.Length || (frontend ? !KeptFrontendBodies.Contains(type) : type != 0))
        {
            return;
        }

        var count = Math.Min(bytes.Length, body.Length - bodyLength);
        bytes[..count].CopyTo(body.AsSpan(bodyLength));
        bodyLength += count;
    }

    /// <summary>Passes over <paramref name="gap"/> uncopied bytes; false when a message boundary lies inside them.</summary>
    private bool Skip(long gap, long timestampNs, IPostgresMessageSink sink)
    {
        if (gap == 0)
        {
            return true;
        }

        if (State != PostgresParserState.Body)
        {
            return false;
        }

        // Bytes after the gap do not continue the kept prefix.
        bodyCut = true;
        if (gap < remaining)
        {
            remaining -= gap;
            return true;
        }

        // The message ends in the gap: it is whole, only its bytes are unseen. What follows it is unknown,
        // unless it starts exactly where the gap ends.
        var exact = gap == remaining;
        remaining = 0;
        EndMessage(timestampNs, sink);
        return exact && State is PostgresParserState.Header or PostgresParserState.Startup;
    }

    /// <summary>
    /// A point where the next message surely starts: the end of an event whose last bytes are a ReadyForQuery (backend)
    /// or a Sync (frontend). The message is delivered and the stream continues at the next event.
    /// </summary>
    private void RecoverAtEnd(ReadOnlySpan<byte> head, long gap, ReadOnlySpan<byte> tail, long timestampNs, IPostgresMessageSink sink)
    {
        var last = !tail.IsEmpty ? tail : gap == 0 ? head : default;
        ReadOnlySpan<byte> end = frontend ? "S\0\0\0\u0004"u8 : "Z\0\0\0\u0005"u8;
        var found = frontend
            ? last.EndsWith(end)
            : last.Length >= end.Length + 1 && last[^(end.Length + 1)..^1].SequenceEqual(end) && last[^1] is (byte)'I' or (byte)'T' or (byte)'E';
        if (!found)
        {
            return;
        }

        Resync(sink);
        sink.OnMessage(frontend, end[0], default, timestampNs, timestampNs);
    }

    private void Resync(IPostgresMessageSink sink)
    {
        State = PostgresParserState.Header;
        headerLength = 0;
        if (eventsLost)
        {
            eventsLost = false;
            sink.OnResyncAfterLoss(frontend);
        }
    }

    private bool LooksLikeMessageStart(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= TypedHeader && IsValidHeader(bytes[0], BinaryPrimitives.ReadInt32BigEndian(bytes[1..]), frontend);

    private static bool IsValidHeader(byte type, int length, bool frontend) =>
        (frontend ? FrontendTypes : BackendTypes).Contains(type) && length is >= 4 and <= MaxMessageLength &&
        (type switch
        {
            (byte)'Z' => frontend || length == 5,
            (byte)'S' or (byte)'H' => !frontend || length == 4,
            _ => true,
        });

    private void Fail(IPostgresMessageSink sink)
    {
        sink.OnParseFailure();
        EnterDesync();
    }

    private void EnterDesync()
    {
        if (State != PostgresParserState.Opaque)
        {
            State = PostgresParserState.Desync;
        }

        headerLength = 0;
        bodyLength = 0;
    }
}
