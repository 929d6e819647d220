namespace RootCause.Agent.Http;

/// <summary>Receives what an <see cref="HttpStreamParser"/> finds in one direction of a connection.</summary>
internal interface IHttpMessageSink
{
    /// <summary>A request line was read.</summary>
    void OnRequest(ReadOnlySpan<byte> method, ReadOnlySpan<byte> target, long timestampNs);

    /// <summary>A final (non-1xx) status line was read; returns how the matching request frames it.</summary>
    ResponseFraming OnResponse(int status, long timestampNs);

    /// <summary>Bytes that are not HTTP/1.x where a message was expected, or a malformed head.</summary>
    void OnParseFailure();

    /// <summary>The parser lost the message boundaries (unseen bytes or loss) and waits for a message start.</summary>
    void OnDesync();

    /// <summary>The parser found a message start again after <see cref="OnDesync"/>.</summary>
    void OnResync();
}
