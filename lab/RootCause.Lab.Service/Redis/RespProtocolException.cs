namespace RootCause.Lab.Service.Redis;

/// <summary>The server's bytes are not a RESP2 reply we accept; the connection they came on is discarded.</summary>
internal sealed class RespProtocolException(string message) : Exception(message);
