using RootCause.Contracts;

namespace RootCause.Agent.Tests.Kernel;

/// <summary>Loads the real programs and checks what they report about a real redis-server and redis-cli on loopback.</summary>
[Collection(KernelTestGroup.Name)]
public sealed class KernelRedisTests
{
    private readonly KernelAgentFixture agent;

    public KernelRedisTests(KernelAgentFixture agent)
    {
        this.agent = agent;
    }

    [RootFact("redis-server", "redis-cli")]
    public async Task Commands_are_counted_per_name_and_side_with_pipelining_error_replies_latency_and_the_cache_kind()
    {
        KernelEnvironment.Require("redis-server", "redis-cli");
        await using var cache = await TestRedisServer.StartAsync();
        await agent.ResetAsync();

        async Task<string> Run(params string[] command) => (await cache.CliAsync(command)).Output.Trim();

        Assert.Equal("OK", await Run("SET", "greeting", "hello"));
        Assert.Equal("hello", await Run("GET", "greeting"));
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), await Run("HINCRBY", "cart:ann", "qty:7", "1"));
        }

        Assert.Equal("OK", await Run("SET", "word", "abc"));
        Assert.Contains("not an integer", await Run("INCR", "word"), StringComparison.Ordinal);
        Assert.Equal("OK", await Run("DEBUG", "SLEEP", "0.2"));

        // Large values: a 10 KB string (passed over by its length) and a 300-field hash, whose reply's elements fall in
        // bytes nobody copied.
        Assert.Equal("OK", await Run("SET", "blob", new string('b', 10_000)));
        Assert.Equal(10_000, (await Run("GET", "blob")).Length);
        var fields = Enumerable.Range(0, 300).SelectMany(i => new[] { $"field:{i}", $"value:{i}" }).ToArray();
        Assert.Equal("300", await Run(["HSET", "big", .. fields]));
        Assert.Equal(600, (await Run("HGETALL", "big")).Split('\n').Length);

        // RESP3: HELLO 3 first, then a map reply.
        Assert.Contains("qty:7", await Run("-3", "HGETALL", "cart:ann"), StringComparison.Ordinal);

        // Pipelining: 12 commands written at once (--pipe adds an ECHO to find the end of the replies), all copied.
        var small = await cache.CliAsync(["--pipe"], Pipeline(12, i => $"*3\r\n$3\r\nSET\r\n$4\r\np:{i:00}\r\n$1\r\n{i % 10}\r\n"));
        Assert.True(small.ExitCode == 0 && small.Output.Contains("replies: 12", StringComparison.Ordinal), small.ToString());

        // 40 commands in 920 bytes: those past the 512 copied bytes are counted, by their replies, as UNKNOWN.
        var large = await cache.CliAsync(["--pipe"], Pipeline(40, _ => "*2\r\n$4\r\nINCR\r\n$3\r\nctr\r\n"));
        Assert.True(large.ExitCode == 0 && large.Output.Contains("replies: 40", StringComparison.Ordinal), large.ToString());

        var batch = await agent.CollectAsync();
        var server = TestRedisServer.ServerComm;
        var cli = TestRedisServer.CliComm;
        var served = batch.Golden.Where(g => g.Service == server).ToArray();
        var calls = batch.Calls.Where(c => c.Callee == server).ToArray();
        var context = string.Join("; ", served.Select(g => $"{g.Caller} {g.Operation} {g.Stats.Requests}/{g.Stats.Errors}")) + " | " + agent.Engine.Counters;

        Assert.All(served, g => Assert.Equal(cli, g.Caller));
        Assert.True(Stats(served, "SET") is { Requests: 3 + 12, Errors: 0 }, context);
        Assert.True(Stats(served, "GET") is { Requests: 2, Errors: 0 }, context);
        Assert.True(Stats(served, "HINCRBY") is { Requests: 3, Errors: 0 }, context);
        Assert.True(Stats(served, "HSET") is { Requests: 1, Errors: 0 }, context);
        Assert.True(Stats(served, "HGETALL") is { Requests: 2, Errors: 0 }, context);
        Assert.True(Stats(served, "HELLO") is { Requests: 1, Errors: 0 }, context);
        Assert.True(Stats(served, "DEBUG") is { Requests: 1, Errors: 0 }, context);
        Assert.True(Stats(served, "ECHO").Requests >= 1, context);

        // The error reply fails the INCR of a word; the pipelined INCRs all succeed, named or not.
        var incr = Stats(served, "INCR");
        var unknown = Stats(served, "UNKNOWN");
        Assert.True(incr.Errors == 1 && unknown.Errors == 0, context);
        Assert.True(incr.Requests - 1 >= 20 && unknown.Requests >= 1 && incr.Requests - 1 + unknown.Requests is 40 or 41, context);

        // The client's view: the same commands as calls of redis-cli.
        Assert.True(Stats(calls, "SET") is { Requests: 15, Errors: 0 }, context);
        Assert.Equal((1L, 1L), (Stats(calls, "INCR").Errors, Stats(calls, "DEBUG").Requests));
        Assert.True(served.Sum(g => g.Stats.Requests) == calls.Sum(c => c.Stats.Requests), context + " || " + string.Join("; ", calls.Select(c => $"{c.Operation} {c.Stats.Requests}/{c.Stats.Errors}")));

        // DEBUG SLEEP 0.2 on both sides; GET of 10 KB stays far below it.
        foreach (var stats in new[] { Stats(served, "DEBUG"), Stats(calls, "DEBUG") })
        {
            Assert.Equal(1, stats.LatencyCounts[LatencyBuckets.IndexOf(0.2)]);
        }

        Assert.InRange(Stats(served, "GET").LatencySumSeconds, 0, 0.05);

        // Neither its name (rdsrv-PID) nor its port says so: the protocol does.
        Assert.Equal(ServiceKind.Cache, batch.Instances.Single(i => i.Service == server).Kind);
    }

    private static string Pipeline(int count, Func<int, string> command) =>
        string.Concat(Enumerable.Range(0, count).Select(command));

    private static RequestStats Stats(IEnumerable<GoldenSample> served, string operation) =>
        served.SingleOrDefault(g => g.Operation == operation)?.Stats ?? Empty;

    private static RequestStats Stats(IEnumerable<CallSample> calls, string operation) =>
        calls.SingleOrDefault(c => c.Operation == operation)?.Stats ?? Empty;

    private static RequestStats Empty => new(0, 0, 0, 0, new long[LatencyBuckets.Count]);
}
