namespace RootCause.Agent.Protocols;

/// <summary>The parsing state of one connection: both directions and the pairing of requests with responses.</summary>
internal interface IProtocolConnection
{
    /// <summary>
    /// Feeds one read or write: <paramref name="head"/> from its first byte, <paramref name="gap"/> bytes nobody copied,
    /// then <paramref name="tail"/>, its last bytes (empty unless the kernel copied them). <paramref name="ingress"/>:
    /// the watched process read the bytes. <paramref name="afterLoss"/>: earlier events of the connection were lost.
    /// </summary>
    void Feed(bool ingress, ReadOnlySpan<byte> head, long gap, ReadOnlySpan<byte> tail, long timestampNs, bool afterLoss);

    /// <summary>The connection closed: requests still waiting failed.</summary>
    void Close(long timestampNs);
}
