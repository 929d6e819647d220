namespace RootCause.Agent.Http;

/// <summary>Receives completed exchanges and the parser's health counters of one connection.</summary>
internal interface IHttpExchangeSink
{
    void OnExchange(in HttpExchange exchange);

    void OnParseFailure();

    /// <summary>A response with no request to pair with, or requests dropped while boundaries were lost.</summary>
    void OnUnpaired(int count);
}
