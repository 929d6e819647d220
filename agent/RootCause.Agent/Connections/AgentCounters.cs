namespace RootCause.Agent.Connections;

/// <summary>The agent's own health: what it decoded, dropped, could not parse, and how full its tables are.</summary>
internal sealed class AgentCounters
{
    public long Records { get; set; }

    public long DataEvents { get; set; }

    public long ConnectionEvents { get; set; }

    public long TruncatedRecords { get; set; }

    public long InvalidRecords { get; set; }

    public long UnknownRecords { get; set; }

    /// <summary>Data for a connection the agent never saw open (opened before start, or its open was lost).</summary>
    public long OrphanData { get; set; }

    public long ParseFailures { get; set; }

    public long UnpairedMessages { get; set; }

    /// <summary>Connections refused because the user-space table was full.</summary>
    public long ConnectionTableFull { get; set; }

    /// <summary>Connections dropped after being idle too long without a close.</summary>
    public long ConnectionsExpired { get; set; }

    public long OpenConnections { get; set; }

    public long ExchangesCompleted { get; set; }

    /// <summary>Packets the kernel dropped on TCP sockets (kfree_skb), attributed to an edge or not.</summary>
    public long Drops { get; set; }

    /// <summary>Drops on sockets neither tracked nor the peer of a tracked client (not on any edge).</summary>
    public long UnattributedDrops { get; set; }

    /// <summary>Drops by the kernel's reason name (NETFILTER_DROP, TCP_OLD_DATA…), since the agent started.</summary>
    public Dictionary<string, long> DropReasons { get; } = new(StringComparer.Ordinal);

    public long OomKills { get; set; }

    /// <summary>Intervals closed but not sent: the partial first one, stalled ones, clock steps (see IntervalGrid).</summary>
    public long IntervalsNotSent { get; set; }

    public override string ToString() =>
        $"records={Records} data={DataEvents} conn={ConnectionEvents} truncated={TruncatedRecords} invalid={InvalidRecords} unknown={UnknownRecords} " +
        $"orphan_data={OrphanData} parse_failures={ParseFailures} unpaired={UnpairedMessages} table_full={ConnectionTableFull} " +
        $"expired={ConnectionsExpired} open={OpenConnections} exchanges={ExchangesCompleted} drops={Drops} unattributed_drops={UnattributedDrops} " +
        $"oom_kills={OomKills} intervals_not_sent={IntervalsNotSent}" + (DropReasons.Count == 0 ? string.Empty : " drop_reasons=" + string.Join(',', DropReasons.Select(r => r.Key + ":" + r.Value)));
}
