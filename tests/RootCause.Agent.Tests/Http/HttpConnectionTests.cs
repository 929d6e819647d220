using System.Text;
using RootCause.Agent.Http;

namespace RootCause.Agent.Tests.Http;

public sealed class HttpConnectionTests
{
    private readonly RecordingSink sink = new();

    private HttpConnection Server() => new(server: true, sink);

    private static void Read(HttpConnection c, string bytes, long ns, long? length = null, bool afterLoss = false) =>
        c.Feed(ingress: true, Encoding.Latin1.GetBytes(bytes), length ?? bytes.Length, ns, afterLoss);

    private static void Write(HttpConnection c, string bytes, long ns, long? length = null) =>
        c.Feed(ingress: false, Encoding.Latin1.GetBytes(bytes), length ?? bytes.Length, ns, afterLoss: false);

    [Fact]
    public void Keep_alive_requests_pair_in_order_with_latency_from_request_to_response()
    {
        var c = Server();
        Read(c, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n", 1_000);
        Write(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 5_000);
        Read(c, "POST /b HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc", 10_000);
        Write(c, "HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n", 30_000);

        Assert.Equal(
            [new HttpExchange("GET", "/a", 200, 4_000), new HttpExchange("POST", "/b", 503, 20_000)],
            sink.Exchanges);
        Assert.Equal(0, sink.ParseFailures);
    }

    [Fact]
    public void Pipelined_requests_in_one_read_are_each_answered_by_the_next_response()
    {
        var c = Server();
        Read(c, "GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\nHEAD /3 HTTP/1.1\r\n\r\n", 100);
        Write(c, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx" + "HTTP/1.1 404 No\r\nContent-Length: 0\r\n\r\n" +
            "HTTP/1.1 200 OK\r\nContent-Length: 999\r\n\r\n", 400);

        Assert.Equal(["/1:200", "/2:404", "/3:200"], sink.Exchanges.Select(e => $"{e.Target}:{e.Status}"));
        Assert.Equal(HttpParserState.MessageStart, c.ResponseState);
    }

    [Fact]
    public void Heads_split_byte_by_byte_across_reads_are_reassembled()
    {
        var c = Server();
        const string Request = "PUT /split/path HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody";
        for (var i = 0; i < Request.Length; i++)
        {
            Read(c, Request[i].ToString(), 50 + i);
        }

        const string Response = "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n0\r\n\r\n";
        for (var i = 0; i < Response.Length; i++)
        {
            Write(c, Response[i].ToString(), 1_000 + i);
        }

        var exchange = Assert.Single(sink.Exchanges);
        Assert.Equal(new HttpExchange("PUT", "/split/path", 201, 1_000 - 50), exchange);
        Assert.Equal(HttpParserState.MessageStart, c.ResponseState);
        Assert.Equal(HttpParserState.MessageStart, c.RequestState);
    }

    [Fact]
    public void Chunked_body_with_extensions_and_trailers_ends_where_the_next_response_starts()
    {
        var c = Server();
        Read(c, "GET /c HTTP/1.1\r\n\r\nGET /d HTTP/1.1\r\n\r\n", 0);
        Write(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3;ext=1\r\nabc\r\n", 10);
        Write(c, "A\r\n0123456789\r\n0\r\nX-Trailer: 1\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n", 20);

        Assert.Equal(["/c:200", "/d:204"], sink.Exchanges.Select(e => $"{e.Target}:{e.Status}"));
    }

    [Fact]
    public void Uncaptured_body_bytes_are_skipped_by_length()
    {
        var c = Server();
        Read(c, "GET /big HTTP/1.1\r\n\r\n", 0);
        // A 100 000-byte body: the kernel copied only the head and the first bytes.
        var head = "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n";
        Write(c, head + new string('x', 100), 10, length: head.Length + 60_000);
        Write(c, "xxxx", 20, length: 40_000);
        Read(c, "GET /next HTTP/1.1\r\n\r\n", 30);
        Write(c, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 40);

        Assert.Equal(["/big", "/next"], sink.Exchanges.Select(e => e.Target));
        Assert.Equal(0, sink.ParseFailures);
    }

    [Fact]
    public void Response_whose_next_message_starts_in_uncaptured_bytes_resynchronises_at_the_next_event()
    {
        var c = Server();
        Read(c, "GET /1 HTTP/1.1\r\n\r\n", 0);
        var first = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        Write(c, first, 10, length: first.Length + 500); // 500 more bytes nobody saw (another response)
        Assert.Equal(HttpParserState.Desync, c.ResponseState);

        Read(c, "GET /2 HTTP/1.1\r\n\r\n", 20);
        Write(c, "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n", 30);

        Assert.Equal(["/1:200", "/2:500"], sink.Exchanges.Select(e => $"{e.Target}:{e.Status}"));
    }

    [Fact]
    public void Garbage_never_throws_is_counted_and_the_stream_recovers_at_a_request()
    {
        var c = Server();
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var noise = new byte[random.Next(1, 600)];
            random.NextBytes(noise);
            c.Feed(ingress: i % 2 == 0, noise, noise.Length + random.Next(0, 3), i, afterLoss: i % 17 == 16);
        }

        Assert.True(sink.ParseFailures > 0);
        Read(c, "GET /after HTTP/1.1\r\n\r\n", 1_000);
        Write(c, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 2_000);
        Assert.Equal("/after", sink.Exchanges[^1].Target);
        Assert.Equal(1_000, sink.Exchanges[^1].LatencyNs);
    }

    [Fact]
    public void Truncated_head_longer_than_the_line_limit_fails_without_growing()
    {
        var c = Server();
        Read(c, "GET /" + new string('a', HttpStreamParser.MaxLineBytes + 10), 0);
        Assert.Equal(1, sink.ParseFailures);
        Assert.Equal(HttpParserState.Desync, c.RequestState);
        Assert.Empty(sink.Exchanges);
    }

    [Fact]
    public void Lost_events_drop_older_pending_requests_instead_of_mispairing()
    {
        var c = Server();
        Read(c, "GET /old HTTP/1.1\r\n\r\n", 0);
        // The response to /old was lost with the ring full; the kernel flags the next event.
        Read(c, "GET /new HTTP/1.1\r\n\r\n", 100, afterLoss: true);
        Write(c, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 150);

        var exchange = Assert.Single(sink.Exchanges);
        Assert.Equal("/new", exchange.Target);
        Assert.Equal(1, sink.Unpaired);
    }

    [Fact]
    public void Informational_responses_and_head_requests_frame_correctly()
    {
        var c = Server();
        Read(c, "HEAD /h HTTP/1.1\r\n\r\nPOST /p HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi", 0);
        Write(c, "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n", 5);
        Write(c, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", 9);

        Assert.Equal(["HEAD /h:200", "POST /p:201"], sink.Exchanges.Select(e => $"{e.Method} {e.Target}:{e.Status}"));
    }

    [Fact]
    public void Switching_protocols_stops_parsing_both_directions()
    {
        var c = Server();
        Read(c, "GET /ws HTTP/1.1\r\nUpgrade: websocket\r\n\r\n", 0);
        Write(c, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", 1);
        Read(c, "\x81\x05hello", 2);
        Write(c, "\x81\x02hi", 3);

        Assert.Single(sink.Exchanges);
        Assert.Equal(0, sink.ParseFailures);
        Assert.Equal(HttpParserState.Opaque, c.RequestState);
    }

    [Fact]
    public void Close_fails_requests_that_got_no_response()
    {
        var c = Server();
        Read(c, "GET /hang HTTP/1.1\r\n\r\n", 0);
        c.Close(2_000_000);
        Assert.Equal(new HttpExchange("GET", "/hang", 0, 2_000_000), Assert.Single(sink.Exchanges));
    }

    [Fact]
    public void Client_side_pairs_writes_as_requests_and_reads_as_responses()
    {
        var c = new HttpConnection(server: false, sink);
        c.Feed(ingress: false, "GET /x HTTP/1.1\r\n\r\n"u8.ToArray(), 19, 10, afterLoss: false);
        c.Feed(ingress: true, "HTTP/1.0 302 Found\r\n\r\n"u8.ToArray(), 22, 70, afterLoss: false);
        c.Close(100);
        Assert.Equal(new HttpExchange("GET", "/x", 302, 60), Assert.Single(sink.Exchanges));
    }
}
