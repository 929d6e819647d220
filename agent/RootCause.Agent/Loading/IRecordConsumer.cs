namespace RootCause.Agent.Loading;

/// <summary>Takes ring-buffer records on the draining thread; the span is valid only during the call.</summary>
internal interface IRecordConsumer
{
    void OnRecord(ReadOnlySpan<byte> record);
}
