using RootCause.Contracts;

namespace RootCause.Agent.Aggregation;

/// <summary>TCP counters of one network edge over one interval.</summary>
internal sealed class EdgeAccumulator
{
    public long Connects { get; set; }

    public long ConnectFailures { get; set; }

    public long Retransmits { get; set; }

    public double RttSumSeconds { get; set; }

    public long RttSamples { get; set; }

    public long Resets { get; set; }

    public long Drops { get; set; }

    public long BytesSent { get; set; }

    public long BytesReceived { get; set; }

    /// <summary>Adds another accumulator's counts (two endpoints that turned out to be one instance).</summary>
    public void Add(EdgeAccumulator other)
    {
        Connects += other.Connects;
        ConnectFailures += other.ConnectFailures;
        Retransmits += other.Retransmits;
        RttSumSeconds += other.RttSumSeconds;
        RttSamples += other.RttSamples;
        Resets += other.Resets;
        Drops += other.Drops;
        BytesSent += other.BytesSent;
        BytesReceived += other.BytesReceived;
    }

    public NetworkSample ToSample(string source, string destination) =>
        new(source, destination, Connects, ConnectFailures, Retransmits, RttSumSeconds, RttSamples, Resets, Drops, BytesSent, BytesReceived);
}
