using RootCause.Agent.Protocols;
using RootCause.Agent.Protocols.Redis;

namespace RootCause.Agent.Tests.Protocols.Redis;

public sealed class RedisConnectionTests
{
    private readonly RecordingExchangeSink sink = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Each_command_pairs_with_its_reply_of_any_type(bool client)
    {
        var connection = new RedisConnection(server: !client, sink);
        (string Command, string Reply)[] exchanges =
        [
            ("*3\r\n$3\r\nSET\r\n$8\r\ngreeting\r\n$5\r\nhello\r\n", "+OK\r\n"),
            ("*2\r\n$3\r\nget\r\n$8\r\ngreeting\r\n", "$5\r\nhello\r\n"),
            ("*2\r\n$3\r\nGET\r\n$7\r\nmissing\r\n", "$-1\r\n"),
            ("*4\r\n$7\r\nHINCRBY\r\n$8\r\ncart:ann\r\n$5\r\nqty:7\r\n$1\r\n1\r\n", ":3\r\n"),
            ("*2\r\n$4\r\nINCR\r\n$4\r\nword\r\n", "-ERR value is not an integer or out of range\r\n"),
            ("*2\r\n$7\r\nHGETALL\r\n$8\r\ncart:ann\r\n", "*4\r\n$5\r\nqty:7\r\n$1\r\n3\r\n$7\r\nprice:7\r\n$3\r\n250\r\n"),
            ("*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n", "%2\r\n+server\r\n+redis\r\n+proto\r\n:3\r\n"),
            ("*1\r\n$5\r\nEMPTY\r\n", "*0\r\n"),
            ("*2\r\n$3\r\nTTL\r\n$1\r\nk\r\n", ",1.5\r\n"),
            ("*2\r\n$6\r\nEXISTS\r\n$1\r\nk\r\n", "#t\r\n"),
            ("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n", "_\r\n"),
            ("*1\r\n$3\r\nBIG\r\n", "(3492890328409238509324850943850943825024385\r\n"),
            ("*1\r\n$4\r\nINFO\r\n", "=15\r\ntxt:Some string\r\n"),
            ("*1\r\n$4\r\nBLOB\r\n", "!21\r\nSYNTAX invalid syntax\r\n"),
            ("*1\r\n$8\r\nSMEMBERS\r\n", "~2\r\n:1\r\n*-1\r\n"),
            ("*2\r\n$8\r\njson.get\r\n$3\r\ndoc\r\n", "|1\r\n+ttl\r\n:3600\r\n$2\r\n{}\r\n"),
        ];

        var t = 0L;
        foreach (var (command, reply) in exchanges)
        {
            Wire.Feed(connection, ingress: !client, Wire.Ascii(command), t += 100);
            Wire.Feed(connection, ingress: client, Wire.Ascii(reply), t += 30);
        }

        Assert.Equal(
            ["SET", "GET", "GET", "HINCRBY", "INCR", "HGETALL", "HELLO", "EMPTY", "TTL", "EXISTS", "GET", "BIG", "INFO", "BLOB", "SMEMBERS", "JSON.GET"],
            sink.Exchanges.Select(e => e.Operation));
        Assert.Equal(["INCR", "BLOB"], sink.Exchanges.Where(e => e.Failed).Select(e => e.Operation));
        Assert.All(sink.Exchanges, e => Assert.Equal(30, e.LatencyNs));
        Assert.Equal((0, 0, 0), (sink.ParseFailures, sink.Unpaired, connection.PendingCount));
    }

    [Fact]
    public void Pipelined_commands_are_answered_in_order()
    {
        // The lab's cart: HINCRBY, HSET and EXPIRE in one write, three replies in one read.
        var connection = new RedisConnection(server: true, sink);
        Wire.Feed(connection, ingress: true, Wire.Ascii(
            "*4\r\n$7\r\nHINCRBY\r\n$8\r\ncart:ann\r\n$5\r\nqty:7\r\n$1\r\n2\r\n" +
            "*4\r\n$4\r\nHSET\r\n$8\r\ncart:ann\r\n$7\r\nprice:7\r\n$3\r\n250\r\n" +
            "*3\r\n$6\r\nEXPIRE\r\n$8\r\ncart:ann\r\n$5\r\n86400\r\n"), 1_000);
        Wire.Feed(connection, ingress: false, Wire.Ascii(":2\r\n:0\r\n-ERR invalid expire time\r\n"), 1_400);

        Assert.Equal(
            [new ProtocolExchange("HINCRBY", false, 400), new ProtocolExchange("HSET", false, 400), new ProtocolExchange("EXPIRE", true, 400)],
            sink.Exchanges);
    }

    [Fact]
    public void Commands_and_replies_split_over_many_reads_are_followed_byte_by_byte()
    {
        var connection = new RedisConnection(server: false, sink);
        Wire.FeedByteByByte(connection, ingress: false, Wire.Ascii("*2\r\n$7\r\nHGETALL\r\n$8\r\ncart:ann\r\n*2\r\n$3\r\nDEL\r\n$8\r\ncart:ann\r\n"), 0);
        Wire.FeedByteByByte(connection, ingress: true, Wire.Ascii("*4\r\n$5\r\nqty:7\r\n$1\r\n3\r\n$7\r\nprice:7\r\n$3\r\n250\r\n:1\r\n"), 1_000);

        // HGETALL from its first byte (0) to its reply's last (1_000 + 43); DEL from byte 31 to the last of ":1\r\n".
        Assert.Equal([new ProtocolExchange("HGETALL", false, 1_043), new ProtocolExchange("DEL", false, 1_047 - 31)], sink.Exchanges);
    }

    [Fact]
    public void A_large_value_is_passed_over_by_its_length()
    {
        var connection = new RedisConnection(server: true, sink);
        var value = new string('b', 10_000);
        Wire.Feed(connection, ingress: true, Wire.Ascii($"*3\r\n$3\r\nSET\r\n$4\r\nblob\r\n$10000\r\n{value}\r\n"), 10);
        Wire.Feed(connection, ingress: false, Wire.Ascii("+OK\r\n"), 20);
        Wire.Feed(connection, ingress: true, Wire.Ascii("*2\r\n$3\r\nGET\r\n$4\r\nblob\r\n"), 30);

        // The reply comes in two writes; the second starts inside the value.
        var reply = Wire.Ascii($"$10000\r\n{value}\r\n");
        Wire.Feed(connection, ingress: false, reply[..6000], 40);
        Wire.Feed(connection, ingress: false, reply[6000..], 50);
        Wire.Feed(connection, ingress: true, Wire.Ascii("*1\r\n$4\r\nPING\r\n"), 60);
        Wire.Feed(connection, ingress: false, Wire.Ascii("+PONG\r\n"), 70);

        Assert.Equal(
            [new ProtocolExchange("SET", false, 10), new ProtocolExchange("GET", false, 20), new ProtocolExchange("PING", false, 10)],
            sink.Exchanges);
        Assert.Equal(RespParserState.ValueStart, connection.ReplyState);
    }

    [Fact]
    public void A_reply_lost_in_uncopied_bytes_ends_with_its_write_and_the_stream_goes_on()
    {
        var connection = new RedisConnection(server: true, sink);
        Wire.Feed(connection, ingress: true, Wire.Ascii("*2\r\n$7\r\nHGETALL\r\n$3\r\nbig\r\n"), 100);
        var fields = string.Concat(Enumerable.Range(0, 300).Select(i => $"${$"field:{i}".Length}\r\nfield:{i}\r\n${$"value:{i}".Length}\r\nvalue:{i}\r\n"));
        Wire.Feed(connection, ingress: false, Wire.Ascii($"*600\r\n{fields}"), 250);

        // The reply's later write, which starts anywhere: no command waits, so it is not read as replies.
        Wire.Feed(connection, ingress: false, Wire.Ascii("$9\r\nvalue:299\r\n"), 260);
        Wire.Feed(connection, ingress: true, Wire.Ascii("*2\r\n$3\r\nDEL\r\n$3\r\nbig\r\n"), 300);
        Wire.Feed(connection, ingress: false, Wire.Ascii(":1\r\n"), 320);

        Assert.Equal([new ProtocolExchange("HGETALL", false, 150), new ProtocolExchange("DEL", false, 20)], sink.Exchanges);
        Assert.Equal((0, 0), (sink.Unpaired, sink.ParseFailures));
    }

    [Fact]
    public void Commands_lost_in_uncopied_bytes_are_counted_by_their_replies()
    {
        // 40 INCRs in one 920-byte write: 22 are copied, the rest are known only by their replies.
        var connection = new RedisConnection(server: true, sink);
        Wire.Feed(connection, ingress: true, Wire.Ascii(string.Concat(Enumerable.Repeat("*2\r\n$4\r\nINCR\r\n$3\r\nctr\r\n", 40))), 1_000);
        Wire.Feed(connection, ingress: false, Wire.Ascii(string.Concat(Enumerable.Range(1, 40).Select(i => $":{i}\r\n"))), 1_500);
        Wire.Feed(connection, ingress: true, Wire.Ascii("*2\r\n$3\r\nGET\r\n$3\r\nctr\r\n"), 2_000);
        Wire.Feed(connection, ingress: false, Wire.Ascii("$2\r\n40\r\n"), 2_100);

        Assert.Equal(22, sink.Exchanges.Count(e => e.Operation == "INCR"));
        Assert.Equal(18, sink.Exchanges.Count(e => e.Operation == RedisCommandNames.Unknown));
        Assert.All(sink.Exchanges.Take(40), e => Assert.Equal(500, e.LatencyNs));
        Assert.Equal(new ProtocolExchange("GET", false, 100), sink.Exchanges[^1]);
        Assert.Equal((0, 0), (sink.Unpaired, connection.PendingCount));
    }

    [Fact]
    public void A_known_command_behind_lost_ones_takes_the_last_reply_of_the_same_read()
    {
        // Client side: the lost commands and an ECHO written after them; all replies arrive in one read.
        var connection = new RedisConnection(server: false, sink);
        Wire.Feed(connection, ingress: false, Wire.Ascii(string.Concat(Enumerable.Repeat("*2\r\n$4\r\nINCR\r\n$3\r\nctr\r\n", 40))), 1_000);
        Wire.Feed(connection, ingress: false, Wire.Ascii("\r\n*2\r\n$4\r\nECHO\r\n$4\r\nmark\r\n"), 1_100);
        Wire.Feed(connection, ingress: true, Wire.Ascii(string.Concat(Enumerable.Range(1, 40).Select(i => $":{i}\r\n")) + "$4\r\nmark\r\n"), 1_500);

        Assert.Equal(41, sink.Exchanges.Count);
        Assert.Equal(new ProtocolExchange("ECHO", false, 400), sink.Exchanges[^1]);
        Assert.Equal((0, 0), (sink.Unpaired, connection.PendingCount));
    }

    [Fact]
    public void After_lost_events_waiting_commands_are_given_up_and_the_stream_is_found_again()
    {
        var connection = new RedisConnection(server: true, sink);
        Wire.Feed(connection, ingress: true, Wire.Ascii("*2\r\n$3\r\nGET\r\n$1\r\na\r\n"), 10);
        Wire.Feed(connection, ingress: false, Wire.Ascii("llo\r\n"), 20, afterLoss: true);
        Wire.Feed(connection, ingress: true, Wire.Ascii("*2\r\n$3\r\nGET\r\n$1\r\nb\r\n"), 30);
        Wire.Feed(connection, ingress: false, Wire.Ascii("$1\r\nb\r\n"), 40);

        // The reply to GET a may have been in the lost events: GET a is given up, GET b pairs with its own reply.
        Assert.Equal(new ProtocolExchange("GET", false, 10), Assert.Single(sink.Exchanges));
        Assert.Equal((1, 0), (sink.Unpaired, connection.PendingCount));
        Assert.Equal(RespParserState.ValueStart, connection.ReplyState);
    }

    [Fact]
    public void Inline_commands_and_garbage_are_parse_failures_not_exchanges()
    {
        var connection = new RedisConnection(server: true, sink);
        Wire.Feed(connection, ingress: true, Wire.Ascii("PING\r\n"), 1);
        Wire.Feed(connection, ingress: false, Wire.Ascii("+PONG\r\n"), 2);

        Assert.Empty(sink.Exchanges);
        Assert.Equal(1, sink.ParseFailures);
    }

    [Fact]
    public void Command_names_are_upper_cased_and_bounded()
    {
        var connection = new RedisConnection(server: true, sink);
        var longName = new string('x', 40);
        Wire.Feed(connection, ingress: true, Wire.Ascii($"*1\r\n$10\r\nclient|id \r\n*1\r\n$40\r\n{longName}\r\n*1\r\n$4\r\nping\r\n"), 1);
        Wire.Feed(connection, ingress: false, Wire.Ascii(":1\r\n-ERR unknown command\r\n+PONG\r\n"), 2);

        Assert.Equal([RedisCommandNames.Unknown, RedisCommandNames.Unknown, "PING"], sink.Exchanges.Select(e => e.Operation));
    }

    [Fact]
    public void A_command_never_answered_fails_when_the_connection_closes()
    {
        var connection = new RedisConnection(server: false, sink);
        Wire.Feed(connection, ingress: false, Wire.Ascii("*3\r\n$5\r\nBLPOP\r\n$1\r\nq\r\n$1\r\n0\r\n"), 1_000);
        connection.Close(9_000);

        Assert.Equal(new ProtocolExchange("BLPOP", true, 8_000), Assert.Single(sink.Exchanges));
    }

    [Fact]
    public void Garbage_and_hostile_lengths_never_throw_and_memory_stays_bounded()
    {
        var random = new Random(11);
        for (var round = 0; round < 200; round++)
        {
            var connection = new RedisConnection(server: round % 2 == 0, sink);
            for (var i = 0; i < 30; i++)
            {
                var bytes = new byte[random.Next(0, 700)];
                random.NextBytes(bytes);
                if (bytes.Length > 4 && round % 3 == 0)
                {
                    // Plausible type bytes with hostile numbers.
                    bytes[0] = (byte)"*$%~>|!=+-:"[random.Next(11)];
                    bytes[1] = (byte)(random.Next(2) == 0 ? '-' : '9');
                }

                connection.Feed(random.Next(2) == 0, bytes.AsSpan(0, Math.Min(bytes.Length, random.Next(0, 600))), random.Next(0, 3) * 500L, default, i, random.Next(10) == 0);
                Assert.InRange(connection.PendingCount, 0, RedisConnection.MaxPending);
            }

            connection.Close(1_000);
        }

        Assert.True(sink.ParseFailures > 0);

        // Nesting deeper than the bound is refused, not followed.
        var deep = new RedisConnection(server: false, sink);
        Wire.Feed(deep, ingress: true, Wire.Ascii(string.Concat(Enumerable.Repeat("*1\r\n", RespStreamParser.MaxDepth + 1)) + ":1\r\n"), 1);
        Assert.Equal(RespParserState.Desync, deep.ReplyState);
    }
}
