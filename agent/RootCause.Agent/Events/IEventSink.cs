namespace RootCause.Agent.Events;

/// <summary>Receives decoded ring-buffer records.</summary>
internal interface IEventSink
{
    /// <summary>Bytes a tracked socket moved. <paramref name="payload"/> is valid only during the call.</summary>
    void OnData(ulong connectionId, DataDirection direction, bool afterLoss, long length, long timestampNs, ReadOnlySpan<byte> payload);

    void OnConnection(ConnectionEvent connectionEvent);

    /// <summary>The OOM killer chose process <paramref name="pid"/> (its comm taken in the kernel).</summary>
    void OnOomKill(int pid, string comm, long timestampNs);
}
