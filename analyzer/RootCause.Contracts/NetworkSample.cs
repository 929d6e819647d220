namespace RootCause.Contracts;

/// <summary>TCP metrics of one network edge (source instance → destination) over one interval.</summary>
/// <param name="SourceInstance">The instance that opened the connections.</param>
/// <param name="Destination">The destination instance id, or "ip:port" when it is not a watched instance.</param>
/// <param name="Connects">Successful connection establishments.</param>
/// <param name="ConnectFailures">Failed connection attempts (refused, timed out, unreachable).</param>
/// <param name="Retransmits">TCP segments retransmitted.</param>
/// <param name="RttSumSeconds">Sum of smoothed-RTT samples; divide by <paramref name="RttSamples"/>.</param>
/// <param name="RttSamples">Number of RTT samples.</param>
/// <param name="Resets">Resets sent or received.</param>
/// <param name="Drops">Packets dropped by the kernel on this edge.</param>
/// <param name="BytesSent">Payload bytes sent by the source.</param>
/// <param name="BytesReceived">Payload bytes received by the source.</param>
public sealed record NetworkSample(
    string SourceInstance,
    string Destination,
    long Connects,
    long ConnectFailures,
    long Retransmits,
    double RttSumSeconds,
    long RttSamples,
    long Resets,
    long Drops,
    long BytesSent,
    long BytesReceived);
