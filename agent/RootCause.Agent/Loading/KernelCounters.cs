namespace RootCause.Agent.Loading;

/// <summary>The probes' own counters (enum rc_counter), summed over CPUs.</summary>
internal sealed record KernelCounters(long DataLost, long ConnectionEventsLost, long ConnectionTableFull, long OwnerTableFull, long OpaqueConnections, long TaskEventsLost)
{
    public override string ToString() =>
        $"kernel: data_lost={DataLost} conn_lost={ConnectionEventsLost} conn_table_full={ConnectionTableFull} owner_table_full={OwnerTableFull} opaque={OpaqueConnections} task_lost={TaskEventsLost}";
}
