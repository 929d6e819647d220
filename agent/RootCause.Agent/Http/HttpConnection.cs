using System.Text;
using RootCause.Agent.Protocols;

namespace RootCause.Agent.Http;

/// <summary>
/// Pairs requests with responses on one connection: requests queue in arrival order (pipelining) and
/// each final response answers the oldest. Which direction carries requests depends on the side.
/// </summary>
internal sealed class HttpConnection : IHttpMessageSink, IProtocolConnection
{
    /// <summary>Bound on queued requests: a peer that never answers cannot grow memory.</summary>
    public const int MaxPending = 64;
    private const int MaxTargetChars = 256;

    private readonly HttpStreamParser requestParser = new(requests: true);
    private readonly HttpStreamParser responseParser = new(requests: false);
    private readonly Queue<PendingRequest> pending = new();
    private readonly bool server;
    private readonly IHttpExchangeSink sink;
    private bool responsesDesynced;

    /// <param name="server">True when the watched process accepted the connection (it reads requests).</param>
    public HttpConnection(bool server, IHttpExchangeSink sink)
    {
        this.server = server;
        this.sink = sink;
    }

    public int PendingCount => pending.Count;

    public HttpParserState RequestState => requestParser.State;

    public HttpParserState ResponseState => responseParser.State;

    /// <summary>Feeds one data event. <paramref name="ingress"/>: the process read the bytes.</summary>
    public void Feed(bool ingress, ReadOnlySpan<byte> captured, long length, long timestampNs, bool afterLoss)
    {
        var uncaptured = Math.Max(0, length - captured.Length);
        if (afterLoss)
        {
            // Whatever was lost may have held requests or responses of either direction.
            requestParser.Feed(default, 0, timestampNs, afterLoss: true, this);
            responseParser.Feed(default, 0, timestampNs, afterLoss: true, this);
        }

        var carriesRequests = ingress == server;
        (carriesRequests ? requestParser : responseParser).Feed(captured, uncaptured, timestampNs, afterLoss: false, this);
    }

    /// <summary>HTTP gets no tail from the kernel; were there one, it is bytes the parser does not read.</summary>
    void IProtocolConnection.Feed(bool ingress, ReadOnlySpan<byte> head, long gap, ReadOnlySpan<byte> tail, long timestampNs, bool afterLoss) =>
        Feed(ingress, head, head.Length + gap + tail.Length, timestampNs, afterLoss);

    /// <summary>The connection closed: requests still waiting failed.</summary>
    public void Close(long timestampNs)
    {
        responseParser.Close();
        while (pending.TryDequeue(out var request))
        {
            sink.OnExchange(new HttpExchange(request.Method, request.Target, 0, Math.Max(0, timestampNs - request.StartNs)));
        }
    }

    void IHttpMessageSink.OnRequest(ReadOnlySpan<byte> method, ReadOnlySpan<byte> target, long timestampNs)
    {
        if (pending.Count >= MaxPending)
        {
            pending.Dequeue();
            sink.OnUnpaired(1);
        }

        var kept = target.Length > MaxTargetChars ? target[..MaxTargetChars] : target;
        pending.Enqueue(new PendingRequest(MethodName(method), Encoding.Latin1.GetString(kept), timestampNs));
    }

    ResponseFraming IHttpMessageSink.OnResponse(int status, long timestampNs)
    {
        if (!pending.TryDequeue(out var request))
        {
            sink.OnUnpaired(1);
            return ResponseFraming.Normal;
        }

        sink.OnExchange(new HttpExchange(request.Method, request.Target, status, Math.Max(0, timestampNs - request.StartNs)));
        if (status == 101 || (request.Method == "CONNECT" && status is >= 200 and < 300))
        {
            requestParser.SwitchToOpaque();
            return ResponseFraming.Tunnel;
        }

        return request.Method == "HEAD" ? ResponseFraming.NoBody : ResponseFraming.Normal;
    }

    void IHttpMessageSink.OnParseFailure() => sink.OnParseFailure();

    void IHttpMessageSink.OnDesync()
    {
        if (responseParser.State == HttpParserState.Desync)
        {
            responsesDesynced = true;
        }
    }

    void IHttpMessageSink.OnResync()
    {
        if (!responsesDesynced || responseParser.State == HttpParserState.Desync)
        {
            return;
        }

        // Responses passed unseen while the stream was lost. Without pipelining only the newest request
        // is still open, so the older ones are dropped rather than paired with the wrong response.
        responsesDesynced = false;
        var dropped = 0;
        while (pending.Count > 1)
        {
            pending.Dequeue();
            dropped++;
        }

        if (dropped > 0)
        {
            sink.OnUnpaired(dropped);
        }
    }

    private static string MethodName(ReadOnlySpan<byte> method) => method switch
    {
        _ when method.SequenceEqual("GET"u8) => "GET",
        _ when method.SequenceEqual("POST"u8) => "POST",
        _ when method.SequenceEqual("PUT"u8) => "PUT",
        _ when method.SequenceEqual("DELETE"u8) => "DELETE",
        _ when method.SequenceEqual("HEAD"u8) => "HEAD",
        _ when method.SequenceEqual("PATCH"u8) => "PATCH",
        _ when method.SequenceEqual("OPTIONS"u8) => "OPTIONS",
        _ => Encoding.ASCII.GetString(method),
    };
}
