namespace RootCause.Agent.Protocols.Redis;

/// <summary>
/// Pairs the commands and replies of one Redis connection: commands queue in order (pipelining) and each reply answers
/// the oldest. The server answers all the commands of one read in one write, which settles what boundaries in bytes
/// nobody copied hide. When replies are lost, the rest of that read or write holds the replies to every command sent
/// before it. When commands are lost, the replies that follow the last known command's reply in the same read or write
/// answer them, except the last ones when known commands wait behind the lost ones (a client may read the replies to
/// two writes at once); the lost commands are counted as <see cref="RedisCommandNames.Unknown"/>, timed from the write
/// that held them.
/// </summary>
internal sealed class RedisConnection : IProtocolConnection, IRespMessageSink
{
    /// <summary>Bound on commands waiting for their reply: a server that never answers cannot grow memory.</summary>
    public const int MaxPending = 64;

    private readonly RespStreamParser commandParser = new(commands: true);
    private readonly RespStreamParser replyParser = new(commands: false);
    private readonly Queue<RedisCommand> pending = new();
    private readonly Queue<(bool Error, long EndNs)> unclaimed = new();
    private readonly bool server;
    private readonly IExchangeSink sink;
    private long replyEvents;
    private long lastPairedEvent = -1;

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
            // The lost events may have held the replies to the commands waiting: they are given up rather than paired
            // with the replies to later ones.
            commandParser.Feed(default, 0, timestampNs, afterLoss: true, this);
            replyParser.Feed(default, 0, timestampNs, afterLoss: true, this);
            var waiting = pending.Count(c => !c.Lost);
            if (waiting > 0)
            {
                sink.OnUnpaired(waiting);
            }

            pending.Clear();
            unclaimed.Clear();
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
            replyEvents++;
            replyParser.Feed(head, uncaptured, timestampNs, afterLoss: false, this);
            SettleLostCommands();
        }
    }

    public void Close(long timestampNs)
    {
        while (pending.TryDequeue(out var command))
        {
            if (!command.Lost)
            {
                sink.OnExchange(new ProtocolExchange(command.Name, true, Math.Max(0, timestampNs - command.StartNs)));
            }
        }
    }

    void IRespMessageSink.OnCommand(string name, long startNs) => Enqueue(new RedisCommand(name, startNs));

    void IRespMessageSink.OnCommandsLost(long timestampNs) => Enqueue(new RedisCommand(RedisCommandNames.Unknown, timestampNs, Lost: true));

    void IRespMessageSink.OnReply(bool error, long endNs)
    {
        while (pending.TryPeek(out var lost) && lost.Lost)
        {
            if (lastPairedEvent == replyEvents)
            {
                // Still the read or write that answered the last known command: this answers a lost one, or a known
                // one behind them (settled at the end of the event).
                unclaimed.Enqueue((error, endNs));
                return;
            }

            pending.Dequeue();
        }

        if (!pending.TryDequeue(out var command))
        {
            sink.OnUnpaired(1);
            return;
        }

        lastPairedEvent = replyEvents;
        Report(command, error, endNs);
    }

    void IRespMessageSink.OnRepliesLost(bool error, long timestampNs)
    {
        SettleLostCommands();
        var first = true;
        while (pending.TryPeek(out var command) && command.StartNs <= timestampNs)
        {
            pending.Dequeue();
            if (!command.Lost)
            {
                Report(command, first && error, timestampNs);
                first = false;
            }
        }
    }

    void IRespMessageSink.OnParseFailure() => sink.OnParseFailure();

    private void Enqueue(RedisCommand command)
    {
        if (pending.Count >= MaxPending)
        {
            pending.Dequeue();
            sink.OnUnpaired(1);
        }

        pending.Enqueue(command);
    }

    /// <summary>
    /// After a read or write of replies: the replies held for lost commands answer them, but the last ones answer the
    /// known commands waiting behind them, if any.
    /// </summary>
    private void SettleLostCommands()
    {
        if (unclaimed.Count == 0 || !pending.TryPeek(out var lost) || !lost.Lost)
        {
            unclaimed.Clear();
            return;
        }

        pending.Dequeue();
        var known = pending.TakeWhile(c => !c.Lost).Count();
        var forLost = Math.Max(0, unclaimed.Count - known);
        while (unclaimed.TryDequeue(out var reply))
        {
            if (forLost-- > 0)
            {
                Report(lost, reply.Error, reply.EndNs);
            }
            else
            {
                Report(pending.Dequeue(), reply.Error, reply.EndNs);
            }
        }
    }

    private void Report(RedisCommand command, bool error, long endNs) =>
        sink.OnExchange(new ProtocolExchange(command.Name, error, Math.Max(0, endNs - command.StartNs)));
}
