namespace RootCause.Agent.Events;

/// <summary>Receives decoded ring-buffer records.</summary>
internal interface IEventSink
{
    /// <summary>Bytes a tracked socket moved. <paramref name="payload"/> is valid only during the call.</summary>
    void OnData(ulong connectionId, DataDirection direction, bool afterLoss, long length, long timestampNs, ReadOnlySpan<byte> payload);

    void OnConnection(ConnectionEvent connectionEvent);
}
