namespace RootCause.Evaluation.Nezha;

/// <summary>One injected fault of a day's fault list.</summary>
/// <param name="At">When the fault began (UTC): inject_time, or inject_timestamp where that is slightly earlier (see <see cref="FaultListReader"/>).</param>
/// <param name="InjectTime">inject_time as written.</param>
/// <param name="InjectTimestamp">inject_timestamp as written (unix seconds); on most TT entries about 8 h off.</param>
/// <param name="Pod">inject_pod.</param>
/// <param name="Service">The pod's service: the ground truth the protocol scores.</param>
/// <param name="Type">inject_type: cpu_contention, cpu_consumed, network_delay, exception or return.</param>
/// <param name="Line">The line of the entry in the fault list.</param>
public sealed record NezhaFault(DateTimeOffset At, string InjectTime, long InjectTimestamp, string Pod, string Service, string Type, int Line);
