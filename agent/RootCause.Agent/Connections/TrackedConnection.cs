using RootCause.Agent.Events;
using RootCause.Agent.Http;

namespace RootCause.Agent.Connections;

/// <summary>One TCP connection of a watched process: identity, HTTP state and the last cumulative TCP counters.</summary>
internal sealed class TrackedConnection : IHttpExchangeSink
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
        Http = new HttpConnection(open.Role == ConnectionRole.Server, this);
        LastSeenNs = open.TimestampNs;
    }

    public ulong Id { get; }

    public ConnectionRole Role { get; }

    public int Pid { get; }

    public string Comm { get; }

    public Endpoint Local { get; }

    public Endpoint Remote { get; }

    public HttpConnection Http { get; }

    public long LastSeenNs { get; set; }

    public ulong BytesAckedSeen { get; set; }

    public ulong BytesReceivedSeen { get; set; }

    void IHttpExchangeSink.OnExchange(in HttpExchange exchange) => owner.OnExchange(this, exchange);

    void IHttpExchangeSink.OnParseFailure() => owner.Counters.ParseFailures++;

    void IHttpExchangeSink.OnUnpaired(int count) => owner.Counters.UnpairedMessages += count;
}
