using RootCause.Agent.Protocols;

namespace RootCause.Agent.Tests.Protocols;

internal sealed class RecordingExchangeSink : IExchangeSink
{
    public List<ProtocolExchange> Exchanges { get; } = [];

    public int ParseFailures { get; private set; }

    public int Unpaired { get; private set; }

    public void OnExchange(in ProtocolExchange exchange) => Exchanges.Add(exchange);

    public void OnParseFailure() => ParseFailures++;

    public void OnUnpaired(int count) => Unpaired += count;
}
