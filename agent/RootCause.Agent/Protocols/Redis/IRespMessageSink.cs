namespace RootCause.Agent.Protocols.Redis;

/// <summary>Receives what a <see cref="RespStreamParser"/> finds in one direction of a connection.</summary>
internal interface IRespMessageSink
{
    /// <summary>A command (an array of bulk strings) was read: its name, upper-cased, and when its first byte moved.</summary>
    void OnCommand(string name, long startNs);

    /// <summary>A whole reply was read; <paramref name="error"/> for an error reply ('-', or RESP3's '!').</summary>
    void OnReply(bool error, long endNs);

    /// <summary>
    /// A reply boundary fell in bytes nobody copied at <paramref name="timestampNs"/>: the rest of that read or write is
    /// unknown. <paramref name="error"/> when the reply cut short was an error.
    /// </summary>
    void OnRepliesLost(bool error, long timestampNs);

    /// <summary>A command boundary fell in bytes nobody copied at <paramref name="timestampNs"/>: more commands may hide there.</summary>
    void OnCommandsLost(long timestampNs);

    /// <summary>Bytes that are not RESP where a value was expected.</summary>
    void OnParseFailure();
}
