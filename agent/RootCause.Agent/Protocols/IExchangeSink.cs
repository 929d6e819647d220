namespace RootCause.Agent.Protocols;

/// <summary>Receives the completed exchanges and the parsers' health counters of one database or cache connection.</summary>
internal interface IExchangeSink
{
    void OnExchange(in ProtocolExchange exchange);

    void OnParseFailure();

    /// <summary>A response with no request to pair with, or requests given up while boundaries were lost.</summary>
    void OnUnpaired(int count);
}
