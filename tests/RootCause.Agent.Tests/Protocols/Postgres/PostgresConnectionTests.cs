using RootCause.Agent.Protocols;
using RootCause.Agent.Protocols.Postgres;
using static RootCause.Agent.Tests.Protocols.Postgres.PostgresWire;

namespace RootCause.Agent.Tests.Protocols.Postgres;

public sealed class PostgresConnectionTests
{
    private readonly RecordingExchangeSink sink = new();

    /// <summary>Client side (true): the process writes the frontend's messages; server side: it reads them.</summary>
    private bool clientSide = true;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_psql_session_is_one_select_and_the_startup_is_no_request(bool client)
    {
        var connection = Connect(client);
        Frontend(connection, QuerySelect1, 1_000_000);
        Backend(connection, ResultSelect1, 3_500_000);
        Frontend(connection, Terminate, 4_000_000);
        connection.Close(5_000_000);

        var exchange = Assert.Single(sink.Exchanges);
        Assert.Equal(new ProtocolExchange("SELECT", false, 2_500_000), exchange);
        Assert.Equal((0, 0), (sink.ParseFailures, sink.Unpaired));
    }

    [Fact]
    public void An_error_response_fails_the_request_it_answers()
    {
        var connection = Connect(client: true);
        Frontend(connection, QueryNoSuchTable, 10);
        Backend(connection, ErrorNoSuchTable, 20);
        Frontend(connection, QuerySelect1, 30);
        Backend(connection, ResultSelect1, 40);

        Assert.Equal([new ProtocolExchange("SELECT", true, 10), new ProtocolExchange("SELECT", false, 10)], sink.Exchanges);
    }

    [Fact]
    public void A_prepared_statement_executed_by_bind_alone_keeps_the_kind_of_its_parse()
    {
        var connection = Connect(client: false);
        Frontend(connection, ParseP0AndSync, 10);
        Backend(connection, ParseComplete, 20);
        Frontend(connection, BindP0ExecuteSync, 30);
        Backend(connection, BoundResult, 50);
        Frontend(connection, BindP0ExecuteSync, 60);
        Backend(connection, BoundResult, 90);

        Assert.Equal(
            [new ProtocolExchange("SELECT", false, 10), new ProtocolExchange("SELECT", false, 20), new ProtocolExchange("SELECT", false, 30)],
            sink.Exchanges);
    }

    [Fact]
    public void A_closed_statement_is_forgotten_and_an_unknown_one_is_a_query()
    {
        var connection = Connect(client: true);
        Frontend(connection, Concat(Parse("s1", "INSERT INTO t VALUES ($1)"), Sync()), 10);
        Backend(connection, Concat(Message('1'), ReadyForQuery()), 11);
        Frontend(connection, Concat(CloseStatement("s1"), Sync()), 12);
        Backend(connection, Concat(Message('3'), ReadyForQuery()), 13);
        Frontend(connection, Concat(Bind("s1"), Execute(), Sync()), 14);
        Backend(connection, Concat(Error("26000"), ReadyForQuery()), 15);

        Assert.Equal(["INSERT", "QUERY", "QUERY"], sink.Exchanges.Select(e => e.Operation));
        Assert.True(sink.Exchanges[2].Failed);
    }

    [Fact]
    public void Messages_split_over_many_reads_are_followed_byte_by_byte()
    {
        var connection = new PostgresConnection(server: false, sink);
        Wire.FeedByteByByte(connection, ingress: false, Concat(SslRequest), 0);
        Wire.FeedByteByByte(connection, ingress: true, SslRefused, 100);
        Wire.FeedByteByByte(connection, ingress: false, Startup, 200);
        Wire.FeedByteByByte(connection, ingress: true, AuthenticatedAndReady, 1_000);
        Wire.FeedByteByByte(connection, ingress: false, ParseP0AndSync, 2_000);
        Wire.FeedByteByByte(connection, ingress: true, ParseComplete, 3_000);
        Wire.FeedByteByByte(connection, ingress: false, BindP0ExecuteSync, 4_000);
        Wire.FeedByteByByte(connection, ingress: true, BoundResult, 5_000);

        // Each request from its first byte to the last byte of its ReadyForQuery.
        Assert.Equal([new ProtocolExchange("SELECT", false, 1_010), new ProtocolExchange("SELECT", false, 1_067)], sink.Exchanges);
        Assert.Equal(0, sink.ParseFailures);
    }

    [Fact]
    public void Pipelined_requests_in_one_write_are_answered_in_order_by_one_read()
    {
        var connection = Connect(client: false);
        Frontend(connection, Concat(Query("BEGIN"), Query("UPDATE t SET a = 1"), Concat(Parse("", "DELETE FROM t"), Bind(""), Execute(), Sync()), Query("COMMIT")), 100);
        Backend(
            connection,
            Concat(
                CommandComplete("BEGIN"), ReadyForQuery('T'),
                CommandComplete("UPDATE 1"), ReadyForQuery('T'),
                Message('1'), Message('2'), Error("23503"), ReadyForQuery('E'),
                CommandComplete("ROLLBACK"), ReadyForQuery()),
            400);

        Assert.Equal(["BEGIN", "UPDATE", "DELETE", "COMMIT"], sink.Exchanges.Select(e => e.Operation));
        Assert.Equal([false, false, true, false], sink.Exchanges.Select(e => e.Failed));
        Assert.All(sink.Exchanges, e => Assert.Equal(300, e.LatencyNs));
    }

    [Fact]
    public void A_large_result_whose_boundaries_fall_in_uncopied_bytes_ends_at_the_ready_for_query_of_the_last_write()
    {
        var connection = Connect(client: true);
        Frontend(connection, Query("SELECT * FROM big"), 1_000);

        // 40 KB of rows in five writes of the server; the last ends with CommandComplete and ReadyForQuery (its tail).
        var rows = Concat([.. Enumerable.Range(0, 500).Select(i => DataRow(new string('x', 70) + i))]);
        var result = Concat(Message('T', new byte[20]), rows, CommandComplete("SELECT 500"), ReadyForQuery());
        var writes = result.Chunk(8192).ToArray();
        for (var i = 0; i < writes.Length; i++)
        {
            if (writes[i].Length > Wire.PayloadMax)
            {
                Wire.FeedWithTail(connection, ingress: true, writes[i], 2_000 + i);
            }
            else
            {
                Backend(connection, writes[i], 2_000 + i);
            }

            Assert.Equal(i < writes.Length - 1 ? 0 : 1, sink.Exchanges.Count);
        }

        // The stream goes on at the next request.
        Frontend(connection, Query("SELECT 1"), 3_000);
        Backend(connection, ResultSelect1, 3_100);

        Assert.Equal([new ProtocolExchange("SELECT", false, 1_000 + writes.Length - 1), new ProtocolExchange("SELECT", false, 100)], sink.Exchanges);
        Assert.Equal((0, 0), (sink.ParseFailures, sink.Unpaired));
    }

    [Fact]
    public void A_long_statement_whose_sync_is_in_the_copied_tail_is_complete()
    {
        var connection = Connect(client: false);
        var sql = "UPDATE items SET name = '" + new string('n', 2_000) + "' WHERE id = 7";
        Wire.FeedWithTail(connection, ingress: true, Concat(Parse("", sql), Bind(""), Describe(), Execute(), Sync()), 10);
        Backend(connection, Concat(Message('1'), Message('2'), Message('n'), CommandComplete("UPDATE 1"), ReadyForQuery()), 50);

        Assert.Equal(new ProtocolExchange("UPDATE", false, 40), Assert.Single(sink.Exchanges));
        Assert.Equal(PostgresParserState.Header, connection.FrontendState);
    }

    [Fact]
    public void After_lost_events_the_next_answer_pairs_with_the_newest_request_and_older_ones_are_given_up()
    {
        var connection = Connect(client: true);
        Frontend(connection, Query("SELECT 1"), 100);

        // The answer to the first query was lost with the events; the second query's arrives whole.
        Wire.Feed(connection, ingress: false, Query("INSERT INTO t VALUES (1)"), 200, afterLoss: true);
        Backend(connection, Concat(CommandComplete("INSERT 0 1"), ReadyForQuery()), 300);

        Assert.Equal(new ProtocolExchange("INSERT", false, 100), Assert.Single(sink.Exchanges));
        Assert.Equal(1, sink.Unpaired);
        Assert.Equal(0, connection.PendingCount);
    }

    [Fact]
    public void A_backend_stream_lost_mid_write_waits_for_a_write_that_ends_with_ready_for_query()
    {
        var connection = Connect(client: true);
        Frontend(connection, Query("SELECT * FROM big"), 100);

        // A vectored write copied without its tail: the end of the result is unknown until a write that ends whole.
        var rows = Concat([.. Enumerable.Range(0, 50).Select(_ => DataRow(new string('r', 100)))]);
        Wire.Feed(connection, ingress: true, rows, 200);
        Backend(connection, Concat(DataRow("last"), CommandComplete("SELECT 51"), ReadyForQuery()), 300);

        Assert.Equal(new ProtocolExchange("SELECT", false, 200), Assert.Single(sink.Exchanges));
        Assert.Equal(PostgresParserState.Header, connection.BackendState);
    }

    [Fact]
    public void An_encrypted_session_is_not_parsed()
    {
        var connection = new PostgresConnection(server: true, sink);
        Wire.Feed(connection, ingress: true, SslRequest, 1);
        Wire.Feed(connection, ingress: false, Wire.Ascii("S"), 2);
        Wire.Feed(connection, ingress: true, Wire.Hex("16030100f5010000f10303"), 3);
        Wire.Feed(connection, ingress: false, Wire.Hex("160303007a020000760303"), 4);

        // Ciphertext that happens to end like a ReadyForQuery does not start parsing again.
        var record = new byte[4_000];
        Wire.Hex("5a0000000549").CopyTo(record, record.Length - 6);
        Wire.FeedWithTail(connection, ingress: false, record, 5);
        connection.Close(6);

        Assert.Empty(sink.Exchanges);
        Assert.Equal((0, PostgresParserState.Opaque, PostgresParserState.Opaque), (sink.ParseFailures, connection.FrontendState, connection.BackendState));
    }

    [Fact]
    public void A_request_the_server_never_answered_fails_when_the_connection_closes()
    {
        var connection = Connect(client: true);
        Frontend(connection, Query("SELECT pg_sleep(60)"), 1_000);
        connection.Close(61_000);

        Assert.Equal(new ProtocolExchange("SELECT", true, 60_000), Assert.Single(sink.Exchanges));
    }

    [Fact]
    public void Requests_that_are_never_answered_stay_bounded()
    {
        var connection = Connect(client: true);
        for (var i = 0; i < 100; i++)
        {
            Frontend(connection, Query("SELECT 1"), i);
        }

        Assert.Equal(PostgresConnection.MaxPending, connection.PendingCount);
        Assert.Equal(100 - PostgresConnection.MaxPending, sink.Unpaired);
    }

    [Fact]
    public void Garbage_and_truncated_bytes_never_throw_and_are_counted()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var connection = new PostgresConnection(server: round % 2 == 0, sink);
            for (var i = 0; i < 20; i++)
            {
                var bytes = new byte[random.Next(0, 700)];
                random.NextBytes(bytes);
                if (round % 3 == 0 && bytes.Length > 5)
                {
                    // Plausible headers with hostile lengths.
                    bytes[0] = (byte)"QPBESZDTCE"[random.Next(10)];
                }

                connection.Feed(random.Next(2) == 0, bytes.AsSpan(0, Math.Min(bytes.Length, random.Next(0, 600))), random.Next(0, 3) * 1000L, default, i, random.Next(10) == 0);
            }

            connection.Close(1_000);
            Assert.InRange(connection.PendingCount, 0, 0);
        }

        Assert.True(sink.ParseFailures > 0);
    }

    private PostgresConnection Connect(bool client)
    {
        clientSide = client;
        var connection = new PostgresConnection(server: !client, sink);
        Frontend(connection, SslRequest, 0);
        Backend(connection, SslRefused, 0);
        Frontend(connection, Startup, 0);
        Backend(connection, AuthenticatedAndReady, 0);
        Assert.Empty(sink.Exchanges);
        return connection;
    }

    private void Frontend(IProtocolConnection connection, byte[] bytes, long timestampNs) => Wire.Feed(connection, ingress: !clientSide, bytes, timestampNs);

    private void Backend(IProtocolConnection connection, byte[] bytes, long timestampNs) => Wire.Feed(connection, ingress: clientSide, bytes, timestampNs);
}
