using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RootCause.Lab.Service.Redis;

namespace RootCause.Lab.Tests.Service;

/// <summary>The RESP client against a real redis-server started on a free loopback port for each test.</summary>
public sealed class RespClientTests
{
    [ServerFact(LabServers.Redis)]
    public async Task A_cart_hash_is_added_to_read_and_emptied()
    {
        await using var redis = await ThrowAwayRedis.StartAsync();
        using var client = new RespClient(redis.EndPoint);

        Assert.Equal(RespValue.Number(2), await client.ExecuteAsync(["HINCRBY", "cart:al", "qty:7", "2"], default));
        Assert.Equal(RespValue.Number(5), await client.ExecuteAsync(["HINCRBY", "cart:al", "qty:7", "3"], default));
        Assert.Equal(RespValue.Number(1), await client.ExecuteAsync(["HSET", "cart:al", "price:7", "1999"], default));
        var hash = await client.ExecuteAsync(["HGETALL", "cart:al"], default);
        Assert.Equal(RespKind.Array, hash.Kind);
        Assert.Equal(["qty:7", "5", "price:7", "1999"], hash.Items!.Select(i => i.Text));
        Assert.Equal(RespValue.Number(1), await client.ExecuteAsync(["DEL", "cart:al"], default));
        Assert.Equal(RespValue.List([]), await client.ExecuteAsync(["HGETALL", "cart:al"], default));
    }

    [ServerFact(LabServers.Redis)]
    public async Task Pipelined_replies_come_back_in_command_order()
    {
        await using var redis = await ThrowAwayRedis.StartAsync();
        using var client = new RespClient(redis.EndPoint);

        var replies = await client.PipelineAsync([["SET", "a", "1"], ["INCR", "a"], ["GET", "a"], ["GET", "missing"], ["ECHO", "x\r\ny"]], default);

        Assert.Equal([RespValue.Simple("OK"), RespValue.Number(2), RespValue.Bulk("2"), RespValue.Null, RespValue.Bulk("x\r\ny")], replies);
    }

    [ServerFact(LabServers.Redis)]
    public async Task A_refused_command_is_an_error_value_and_the_connection_stays_usable()
    {
        await using var redis = await ThrowAwayRedis.StartAsync();
        using var client = new RespClient(redis.EndPoint, RespClientOptions.Default with { MaximumConnections = 1 });
        await client.ExecuteAsync(["HSET", "h", "f", "not-a-number"], default);

        var refused = await client.ExecuteAsync(["HINCRBY", "h", "f", "1"], default);

        Assert.True(refused.IsError);
        Assert.Equal("ERR hash value is not an integer", refused.Text);
        Assert.Equal(RespValue.Simple("PONG"), await client.ExecuteAsync(["PING"], default));
        Assert.Equal(1, client.IdleConnections);
    }

    [ServerFact(LabServers.Redis)]
    public async Task Concurrent_callers_share_a_bounded_pool_without_mixing_replies()
    {
        await using var redis = await ThrowAwayRedis.StartAsync();
        using var client = new RespClient(redis.EndPoint, RespClientOptions.Default with { MaximumConnections = 4, CommandTimeout = TimeSpan.FromSeconds(5) });

        var echoes = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => client.PipelineAsync([["INCR", "n"], ["ECHO", $"caller-{i}"]], default)));

        Assert.All(echoes.Select((replies, i) => (replies, i)), e => Assert.Equal(RespValue.Bulk($"caller-{e.i}"), e.replies[1]));
        Assert.Equal(RespValue.Bulk("300"), await client.ExecuteAsync(["GET", "n"], default));
        var clients = (await client.ExecuteAsync(["CLIENT", "LIST"], default)).Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(clients.Length, 1, 4);
    }

    [ServerFact(LabServers.Redis)]
    public async Task A_reply_slower_than_the_timeout_is_a_timeout_and_its_late_reply_never_reaches_another_caller()
    {
        await using var redis = await ThrowAwayRedis.StartAsync();
        using var client = new RespClient(redis.EndPoint, RespClientOptions.Default with { CommandTimeout = TimeSpan.FromMilliseconds(300), MaximumConnections = 1 });
        await client.ExecuteAsync(["SET", "k", "v"], default);

        var waited = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.ExecuteAsync(["BLPOP", "empty-list", "2"], default));

        // Well under BLPOP's 2 s (slack for a busy test machine).
        Assert.InRange(waited.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(1500));
        Assert.Contains("no answer within 300 ms", error.Message, StringComparison.Ordinal);

        // BLPOP's nil arrives after 2 s; on a reused connection the next GET would read it.
        await Task.Delay(TimeSpan.FromSeconds(2.3) - waited.Elapsed);
        Assert.Equal(RespValue.Bulk("v"), await client.ExecuteAsync(["GET", "k"], default));
        Assert.Equal(RespValue.Bulk("v"), await client.ExecuteAsync(["GET", "k"], default));
    }

    [ServerFact(LabServers.Redis)]
    public async Task A_restarted_server_is_reached_on_a_new_connection_without_a_failed_call()
    {
        await using var redis = await ThrowAwayRedis.StartAsync();
        using var client = new RespClient(redis.EndPoint, RespClientOptions.Default with { MaximumConnections = 1 });
        Assert.Equal(RespValue.Simple("PONG"), await client.ExecuteAsync(["PING"], default));

        await redis.RestartAsync();

        Assert.Equal(RespValue.Simple("PONG"), await client.ExecuteAsync(["PING"], default));
    }

    [ServerFact(LabServers.Redis)]
    public async Task A_stopped_server_is_a_socket_error_at_once_and_a_killed_one_mid_call_is_an_io_error()
    {
        await using var redis = await ThrowAwayRedis.StartAsync();
        using var client = new RespClient(redis.EndPoint);
        var blocked = client.ExecuteAsync(["BLPOP", "empty-list", "5"], default);
        await Task.Delay(200);

        await redis.StopAsync();

        await Assert.ThrowsAnyAsync<IOException>(() => blocked);
        var waited = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ExecuteAsync(["PING"], default));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.InRange(waited.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_is_a_timeout()
    {
        using var silent = new SilentServer();
        using var client = new RespClient(silent.EndPoint, RespClientOptions.Default with { CommandTimeout = TimeSpan.FromMilliseconds(200) });

        var waited = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(() => client.ExecuteAsync(["PING"], default));

        Assert.InRange(waited.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(1500));
    }

    [Fact]
    public async Task A_server_that_answers_garbage_is_a_protocol_error_and_its_connection_is_dropped()
    {
        using var broken = new SilentServer("?what\r\n"u8.ToArray());
        using var client = new RespClient(broken.EndPoint);

        var error = await Assert.ThrowsAsync<RespProtocolException>(() => client.ExecuteAsync(["PING"], default));

        Assert.Equal("unknown reply type byte 0x3f", error.Message);
        Assert.Equal(0, client.IdleConnections);
    }

    [Fact]
    public async Task A_caller_that_gives_up_gets_its_own_cancellation_not_a_timeout()
    {
        using var silent = new SilentServer();
        using var client = new RespClient(silent.EndPoint, RespClientOptions.Default with { CommandTimeout = TimeSpan.FromSeconds(5) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ExecuteAsync(["PING"], cancel.Token));
    }

    [Fact]
    public async Task A_port_with_no_listener_is_refused()
    {
        using var client = new RespClient(new IPEndPoint(IPAddress.Loopback, LabServers.FreePort()));

        var error = await Assert.ThrowsAsync<SocketException>(() => client.ExecuteAsync(["PING"], default));

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }
}
