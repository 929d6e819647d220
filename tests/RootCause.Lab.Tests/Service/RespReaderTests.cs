using System.Text;
using RootCause.Lab.Service.Redis;

namespace RootCause.Lab.Tests.Service;

public sealed class RespReaderTests
{
    public static TheoryData<string, string> Replies => new()
    {
        { "+OK\r\n", "+OK" },
        { "-ERR wrong number of arguments\r\n", "-ERR wrong number of arguments" },
        { ":-42\r\n", ":-42" },
        { ":9223372036854775807\r\n", ":9223372036854775807" },
        { ":-9223372036854775808\r\n", ":-9223372036854775808" },
        { "$5\r\nhello\r\n", "$hello" },
        { "$0\r\n\r\n", "$" },
        { "$-1\r\n", "(nil)" },
        { "*-1\r\n", "(nil)" },
        { "*0\r\n", "[]" },
        { "*3\r\n*1\r\n:1\r\n$-1\r\n+x\r\n", "[[:1], (nil), +x]" },
        { "$7\r\n+OK\r\n:1\r\n", "$+OK\r\n:1" },
        { "$6\r\nh\u00e9llo\r\n", "$h\u00e9llo" },
    };

    public static TheoryData<string, string> HostileReplies => new()
    {
        { "$-2\r\n", "bulk length -2 outside [-1, 16777216]" },
        { "$99999999999\r\n", "bulk length 99999999999 outside" },
        { "*2000000\r\n", "array length 2000000 outside [-1, 1048576]" },
        { ":12a\r\n", "integer '12a' is not a decimal number" },
        { ":\r\n", "integer '' is not a decimal number" },
        { ":+5\r\n", "integer '+5' is not a decimal number" },
        { ": 5\r\n", "integer ' 5' is not a decimal number" },
        { ":-\r\n", "integer '-' is not a decimal number" },
        { ":99999999999999999999\r\n", "is not a decimal number" },
        { ":9223372036854775808\r\n", "integer '9223372036854775808' overflows 64 bits" },
        { "$3\r\nabcde\r\n", "bulk string of 3 bytes is not followed by CRLF" },
        { "+OK\n", "reply line ends in LF without CR" },
        { "\n", "reply line ends in LF without CR" },
        { "\r\n", "empty reply line" },
        { "!3\r\nabc\r\n", "unknown reply type byte 0x21" },
        { "$\u00002\r\nab\r\n", "bulk length '\\x00" },
        { string.Concat(Enumerable.Repeat("*1\r\n", 40)) + ":1\r\n", "arrays nested deeper than 32" },
        { "+" + new string('a', 70_000), "reply line longer than 65536 bytes" },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task Every_reply_type_reads_as_its_value(string wire, string expected)
    {
        Assert.Equal(expected, (await ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(wire)))).ToString());
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task A_reply_arriving_one_byte_at_a_time_reads_the_same(string wire, string expected)
    {
        Assert.Equal(expected, (await ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(wire)))).ToString());
    }

    [Theory]
    [MemberData(nameof(HostileReplies))]
    public async Task A_hostile_reply_is_a_protocol_error_that_says_what_is_wrong(string wire, string why)
    {
        var error = await Assert.ThrowsAsync<RespProtocolException>(() => ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(wire))));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipelined_replies_in_one_buffer_read_one_by_one_in_order()
    {
        var reader = new RespReader(new MemoryStream("+A\r\n:2\r\n$1\r\nx\r\n*1\r\n$-1\r\n"u8.ToArray()));

        var replies = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add((await reader.ReadAsync(CancellationToken.None)).ToString());
        }

        Assert.Equal(["+A", ":2", "$x", "[(nil)]"], replies);
        Assert.False(reader.HasBufferedData);
    }

    [Fact]
    public async Task A_bulk_string_larger_than_the_buffer_reads_whole()
    {
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('a' + (i % 26))));
        var wire = Encoding.ASCII.GetBytes($"${text.Length}\r\n{text}\r\n:7\r\n");
        var reader = new RespReader(new MemoryStream(wire));

        Assert.Equal(RespValue.Bulk(text), await reader.ReadAsync(CancellationToken.None));
        Assert.Equal(RespValue.Number(7), await reader.ReadAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("", "the server closed the connection")]
    [InlineData("$10\r\nabc", "the server closed the connection in the middle of a reply")]
    [InlineData("*2\r\n:1\r\n", "the server closed the connection in the middle of a reply")]
    [InlineData("+OK", "the server closed the connection in the middle of a reply")]
    public async Task A_stream_that_ends_is_end_of_stream_not_a_value(string wire, string why)
    {
        var error = await Assert.ThrowsAsync<EndOfStreamException>(() => ReadAsync(new MemoryStream(Encoding.ASCII.GetBytes(wire))));
        Assert.Equal(why, error.Message);
    }

    [Fact]
    public async Task A_huge_claimed_array_allocates_only_what_arrived()
    {
        var wire = "*1000000\r\n:1\r\n"u8.ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();

        await Assert.ThrowsAsync<EndOfStreamException>(() => new RespReader(new MemoryStream(wire)).ReadAsync(CancellationToken.None).AsTask());

        // A list sized from the claim would be 8 MB of references; what arrived is one integer.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 256 * 1024);
    }

    [Fact]
    public async Task Limits_are_the_callers_to_set()
    {
        var limits = new RespLimits(MaximumBulkBytes: 4);

        var error = await Assert.ThrowsAsync<RespProtocolException>(() => ReadAsync(new MemoryStream("$5\r\nhello\r\n"u8.ToArray()), limits));

        Assert.Equal("bulk length 5 outside [-1, 4]", error.Message);
    }

    private static async Task<RespValue> ReadAsync(Stream stream, RespLimits? limits = null) =>
        await new RespReader(stream, limits).ReadAsync(CancellationToken.None);
}
