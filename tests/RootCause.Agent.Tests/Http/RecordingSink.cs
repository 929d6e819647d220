using RootCause.Agent.Http;

namespace RootCause.Agent.Tests.Http;

/// <summary>Collects what an <see cref="HttpConnection"/> reports.</summary>
internal sealed class RecordingSink : IHttpExchangeSink
{
    public List<HttpExchange> Exchanges { get; } = [];

    public int ParseFailures { get; private set; }

    public int Unpaired { get; private set; }

    public void OnExchange(in HttpExchange exchange) => Exchanges.Add(exchange);

    public void OnParseFailure() => ParseFailures++;

    public void OnUnpaired(int count) => Unpaired += count;
}
