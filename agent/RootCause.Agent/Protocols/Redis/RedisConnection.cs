namespace RootCause.Agent.Protocols.Redis;

/// <summary>
/// Pairs the commands and replies of one Redis connection: commands queue in order (pipelining) and each reply answers
/// the oldest. When a reply's boundaries fall in bytes nobody copied, the rest of that read or write is taken to hold
/// the replies to every command sent before it: the server writes the replies to all the commands it read at once.
/// </summary>
internal sealed class RedisConnection : IProtocolConnection, IRespMessageSink
{
    /// <summary>Bound on commands waiting for their reply: a server that never answers cannot grow memory.</summary>
    public const int MaxPending = 64;

    private readonly RespStreamParser commandParser = new(commands: true);
    private readonly RespStreamParser replyParser = new(commands: false);
    private readonly Queue<RedisCommand> pending = new();
    private readonly bool server;
    private readonly IExchangeSink sink;

    /// <param name="server">True when the watched process accepted the connection (it reads the commands).</param>
    public RedisConnection(bool server, IExchangeSink sink)
    {
        this.server = server;
        this.sink = sink;
    }

    public int PendingCount => pending.Count;

    public RespParserState CommandState => commandParser.State;

    public RespParserState ReplyState => replyParser.State;

    public void Feed(bool ingress, ReadOnlySpan<byte> head, long gap, ReadOnlySpan<byte> tail, long timestampNs, bool afterLoss)
    {
        if (afterLoss)
        {
            commandParser.Feed(default, 0, timestampNs, afterLoss: true, this);
            replyParser.Feed(default, 0, timestampNs, afterLoss: true, this);
        }

        // The kernel copies no tail for Redis; were there one, it is bytes this parser does not read.
        var uncaptured = gap + tail.Length;
        if (ingress == server)
        {
            commandParser.Feed(head, uncaptured, timestampNs, afterLoss: false, this);
        }
        else if (replyParser.State != RespParserState.Desync || pending.Count > 0)
        {
            // Lost replies are found again only when a command waits: a large reply's later reads, which may start
            // with anything, are not taken for replies to commands that were never sent.
            replyParser.Feed(head, uncaptured, timestampNs, afterLoss: false, this);
        }
    }

    public void Close(long timestampNs)
    {
        while (pending.TryDequeue(out var command))
        {
            sink.OnExchange(new ProtocolExchange(command.Name, true, Math.Max(0, timestampNs - command.StartNs)));
        }
    }

    void IRespMessageSink.OnCommand(string name, long startNs)
    {
        if (pending.Count >= MaxPending)
        {
            pending.Dequeue();
            sink.OnUnpaired(1);
        }

        pending.Enqueue(new RedisCommand(name, startNs));
    }

    void IRespMessageSink.OnReply(bool error, long endNs)
    {
        if (!pending.TryDequeue(out var command))
        {
            sink.OnUnpaired(1);
            return;
        }

        sink.OnExchange(new ProtocolExchange(command.Name, error, Math.Max(0, endNs - command.StartNs)));
    }

    void IRespMessageSink.OnLost(bool error, long timestampNs)
    {
        var first = true;
        while (pending.TryPeek(out var command) && command.StartNs <= timestampNs)
        {
            pending.Dequeue();
            sink.OnExchange(new ProtocolExchange(command.Name, first && error, Math.Max(0, timestampNs - command.StartNs)));
            first = false;
        }
    }

    void IRespMessageSink.OnParseFailure() => sink.OnParseFailure();
}
