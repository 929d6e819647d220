namespace RootCause.Agent.Events;

/// <summary>Receives decoded ring-buffer records.</summary>
internal interface IEventSink
{
    /// <summary>
    /// Bytes a tracked socket moved: <paramref name="head"/> from the first byte, then bytes nobody copied, then
    /// <paramref name="tail"/>, the last bytes (empty unless the kernel copied them). Both are valid only during the call.
    /// </summary>
    void OnData(in DataEvent data, ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail);

    void OnConnection(ConnectionEvent connectionEvent);

    /// <summary>The OOM killer chose process <paramref name="pid"/> (its comm taken in the kernel).</summary>
    void OnOomKill(int pid, string comm, long timestampNs);
}
