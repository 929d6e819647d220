using System.Text;
using RootCause.Lab.Service.Redis;

namespace RootCause.Lab.Tests.Service;

public sealed class RespWriterTests
{
    [Fact]
    public void A_command_is_an_array_of_bulk_strings_with_lengths_in_bytes()
    {
        var wire = RespWriter.Encode([["HSET", "cart:al", "price:7", "h\u00e9"]]);

        Assert.Equal("*4\r\n$4\r\nHSET\r\n$7\r\ncart:al\r\n$7\r\nprice:7\r\n$3\r\nh\u00e9\r\n", Encoding.UTF8.GetString(wire));
    }

    [Fact]
    public void A_pipeline_is_its_commands_back_to_back_and_empty_arguments_are_kept()
    {
        var wire = RespWriter.Encode([["PING"], ["ECHO", string.Empty]]);

        Assert.Equal("*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$0\r\n\r\n", Encoding.ASCII.GetString(wire));
    }

    [Fact]
    public void A_command_without_a_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RespWriter.Encode([[]]));
    }
}
