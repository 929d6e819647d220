namespace RootCause.Agent.Http;

/// <summary>
/// Streaming HTTP/1.1 parser for one direction of one connection. It is fed the captured prefix of each
/// read or write plus the count of bytes the kernel did not copy, so it follows message boundaries
/// (Content-Length and chunked bodies, keep-alive, pipelining, heads split across reads) without seeing
/// every byte. When boundaries are lost it waits for an event that starts with a message. It never
/// throws on input and never keeps more than <see cref="MaxLineBytes"/> of it.
/// </summary>
internal sealed class HttpStreamParser
{
    public const int MaxLineBytes = 8192;
    private const int MaxHeaders = 128;

    private readonly bool requests;
    private byte[]? line;
    private int lineLength;
    private long remaining;
    private long contentLength;
    private bool chunked;
    private bool noBody;
    private bool informational;
    private bool upgrade;
    private int headerCount;
    private long messageStartNs;

    /// <param name="requests">True for the direction that carries requests, false for responses.</param>
    public HttpStreamParser(bool requests)
    {
        this.requests = requests;
    }

    public HttpParserState State { get; private set; } = HttpParserState.MessageStart;

    /// <summary>Feeds one event: <paramref name="captured"/> bytes seen, then <paramref name="uncaptured"/> bytes not copied.</summary>
    public void Feed(ReadOnlySpan<byte> captured, long uncaptured, long timestampNs, bool afterLoss, IHttpMessageSink sink)
    {
        if (State == HttpParserState.Opaque)
        {
            return;
        }

        if (afterLoss && State != HttpParserState.Desync)
        {
            EnterDesync(sink);
        }

        if (State == HttpParserState.Desync)
        {
            // Only an event boundary can be trusted as a message boundary.
            if (!HttpSyntax.LooksLikeMessageStart(captured, requests))
            {
                return;
            }

            State = HttpParserState.MessageStart;
            lineLength = 0;
            sink.OnResync();
        }

        var position = 0;
        while (position < captured.Length && State is not (HttpParserState.Desync or HttpParserState.Opaque))
        {
            var rest = captured[position..];
            switch (State)
            {
                case HttpParserState.Body:
                case HttpParserState.ChunkData:
                    var take = (int)Math.Min(remaining, rest.Length);
                    position += take;
                    remaining -= take;
                    if (remaining == 0)
                    {
                        EndBodyPart();
                    }

                    break;
                case HttpParserState.BodyUntilClose:
                    position = captured.Length;
                    break;
                default:
                    if (State == HttpParserState.MessageStart && lineLength == 0)
                    {
                        messageStartNs = timestampNs;
                    }

                    var newline = rest.IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        Append(rest, sink);
                        position = captured.Length;
                        break;
                    }

                    position += newline + 1;
                    if (lineLength == 0)
                    {
                        OnLine(TrimCr(rest[..newline]), sink);
                    }
                    else if (Append(rest[..newline], sink))
                    {
                        var whole = line.AsSpan(0, lineLength);
                        lineLength = 0;
                        OnLine(TrimCr(whole), sink);
                    }

                    break;
            }
        }

        if (uncaptured > 0)
        {
            Skip(uncaptured, sink);
        }
    }

    /// <summary>The other direction switched protocols: stop parsing this one too.</summary>
    public void SwitchToOpaque()
    {
        State = HttpParserState.Opaque;
        lineLength = 0;
    }

    /// <summary>The connection closed: a body delimited by the close ends here.</summary>
    public void Close()
    {
        if (State == HttpParserState.BodyUntilClose)
        {
            State = HttpParserState.MessageStart;
        }
    }

    private void Skip(long count, IHttpMessageSink sink)
    {
        switch (State)
        {
            case HttpParserState.Body:
            case HttpParserState.ChunkData:
                if (count > remaining)
                {
                    // The next message (or chunk-size line) began in bytes nobody copied.
                    EnterDesync(sink);
                    return;
                }

                remaining -= count;
                if (remaining == 0)
                {
                    EndBodyPart();
                }

                return;
            case HttpParserState.BodyUntilClose:
            case HttpParserState.Desync:
            case HttpParserState.Opaque:
                return;
            default:
                EnterDesync(sink);
                return;
        }
    }

    private void EndBodyPart()
    {
        State = State == HttpParserState.ChunkData ? HttpParserState.ChunkDataEnd : HttpParserState.MessageStart;
    }

    private void OnLine(ReadOnlySpan<byte> text, IHttpMessageSink sink)
    {
        switch (State)
        {
            case HttpParserState.MessageStart:
                OnStartLine(text, sink);
                return;
            case HttpParserState.Headers:
                OnHeaderLine(text, sink);
                return;
            case HttpParserState.ChunkSize:
                if (!HttpSyntax.TryParseChunkSize(text, out var size))
                {
                    Fail(sink);
                    return;
                }

                if (size == 0)
                {
                    State = HttpParserState.Trailers;
                }
                else
                {
                    remaining = size;
                    State = HttpParserState.ChunkData;
                }

                return;
            case HttpParserState.ChunkDataEnd:
                if (!text.IsEmpty)
                {
                    Fail(sink);
                    return;
                }

                State = HttpParserState.ChunkSize;
                return;
            case HttpParserState.Trailers:
                if (text.IsEmpty)
                {
                    State = HttpParserState.MessageStart;
                }

                return;
            default:
                return;
        }
    }

    private void OnStartLine(ReadOnlySpan<byte> text, IHttpMessageSink sink)
    {
        if (text.IsEmpty)
        {
            // RFC 9112 §2.2: empty lines before a request line are ignored.
            return;
        }

        contentLength = -1;
        chunked = false;
        noBody = false;
        informational = false;
        upgrade = false;
        headerCount = 0;
        if (requests)
        {
            if (!HttpSyntax.TryParseRequestLine(text, out var method, out var target))
            {
                Fail(sink);
                return;
            }

            sink.OnRequest(method, target, messageStartNs);
        }
        else
        {
            if (!HttpSyntax.TryParseStatusLine(text, out var status))
            {
                Fail(sink);
                return;
            }

            // 101 ends the exchange like a final response; other 1xx precede the final one.
            informational = status < 200 && status != 101;
            if (!informational)
            {
                var framing = sink.OnResponse(status, messageStartNs);
                noBody = framing == ResponseFraming.NoBody || status == 204 || status == 304;
                upgrade = status == 101 || (framing == ResponseFraming.Tunnel && status is >= 200 and < 300);
            }
        }

        State = HttpParserState.Headers;
    }

    private void OnHeaderLine(ReadOnlySpan<byte> text, IHttpMessageSink sink)
    {
        if (text.IsEmpty)
        {
            EndHeaders();
            return;
        }

        if (++headerCount > MaxHeaders || !HttpSyntax.TryParseHeader(text, out var name, out var value))
        {
            Fail(sink);
            return;
        }

        if (name.EqualsIgnoreCaseAscii("Content-Length"u8))
        {
            if (!HttpSyntax.TryParseContentLength(value, out contentLength))
            {
                Fail(sink);
            }
        }
        else if (name.EqualsIgnoreCaseAscii("Transfer-Encoding"u8))
        {
            chunked = HttpSyntax.IsChunked(value);
        }
    }

    private void EndHeaders()
    {
        if (upgrade)
        {
            // 101 Switching Protocols or CONNECT: the rest of the connection speaks something else.
            State = HttpParserState.Opaque;
            return;
        }

        if (informational || noBody)
        {
            State = HttpParserState.MessageStart;
        }
        else if (chunked)
        {
            State = HttpParserState.ChunkSize;
        }
        else if (contentLength > 0)
        {
            remaining = contentLength;
            State = HttpParserState.Body;
        }
        else if (contentLength == 0 || requests)
        {
            State = HttpParserState.MessageStart;
        }
        else
        {
            State = HttpParserState.BodyUntilClose;
        }
    }

    private bool Append(ReadOnlySpan<byte> bytes, IHttpMessageSink sink)
    {
        if (lineLength + bytes.Length > MaxLineBytes)
        {
            Fail(sink);
            return false;
        }

        line ??= new byte[MaxLineBytes];
        bytes.CopyTo(line.AsSpan(lineLength));
        lineLength += bytes.Length;
        return true;
    }

    private void Fail(IHttpMessageSink sink)
    {
        sink.OnParseFailure();
        EnterDesync(sink);
    }

    private void EnterDesync(IHttpMessageSink sink)
    {
        State = HttpParserState.Desync;
        lineLength = 0;
        sink.OnDesync();
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> text) =>
        !text.IsEmpty && text[^1] == (byte)'\r' ? text[..^1] : text;
}
