using RootCause.Agent.Events;
using RootCause.Agent.Http;
using RootCause.Agent.Protocols;
using RootCause.Agent.Protocols.Postgres;
using RootCause.Agent.Protocols.Redis;

namespace RootCause.Agent.Connections;

/// <summary>
/// One TCP connection of a watched process: identity, the parsing state of the protocol it speaks (known from its first
/// data event: the kernel decides it once per connection) and the last cumulative TCP counters.
/// </summary>
internal sealed class TrackedConnection : IHttpExchangeSink, IExchangeSink
{
    private readonly EventProcessor owner;

    public TrackedConnection(EventProcessor owner, ConnectionEvent open)
    {
        this.owner = owner;
        Id = open.ConnectionId;
        Role = open.Role;
        Pid = (int)open.Pid;
        Comm = open.Comm;
        Local = open.Local;
        Remote = open.Remote;
        LastSeenNs = open.TimestampNs;
    }

    public ulong Id { get; }

    public ConnectionRole Role { get; }

    public int Pid { get; }

    public string Comm { get; }

    public Endpoint Local { get; }

    public Endpoint Remote { get; }

    public L7Protocol Protocol { get; private set; }

    /// <summary>The parser of <see cref="Protocol"/>; null before the first data event.</summary>
    public IProtocolConnection? Parser { get; private set; }

    public long LastSeenNs { get; set; }

    public ulong BytesAckedSeen { get; set; }

    public ulong BytesReceivedSeen { get; set; }

    /// <summary>The parser for <paramref name="protocol"/>, made at the first data event.</summary>
    public IProtocolConnection ParserFor(L7Protocol protocol)
    {
        if (Parser is null || protocol != Protocol)
        {
            var server = Role == ConnectionRole.Server;
            Protocol = protocol;
            Parser = protocol switch
            {
                L7Protocol.Postgres => new PostgresConnection(server, this),
                L7Protocol.Redis => new RedisConnection(server, this),
                _ => new HttpConnection(server, this),
            };
        }

        return Parser;
    }

    void IHttpExchangeSink.OnExchange(in HttpExchange exchange) => owner.OnExchange(this, exchange);

    void IExchangeSink.OnExchange(in ProtocolExchange exchange) => owner.OnExchange(this, exchange);

    void IHttpExchangeSink.OnParseFailure() => owner.Counters.ParseFailures++;

    void IExchangeSink.OnParseFailure() => owner.Counters.ParseFailures++;

    void IHttpExchangeSink.OnUnpaired(int count) => owner.Counters.UnpairedMessages += count;

    void IExchangeSink.OnUnpaired(int count) => owner.Counters.UnpairedMessages += count;
}
