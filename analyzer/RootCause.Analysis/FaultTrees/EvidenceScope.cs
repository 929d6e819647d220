namespace RootCause.Analysis.FaultTrees;

/// <summary>Where, relative to a candidate, an anomaly was seen.</summary>
public enum EvidenceScope
{
    /// <summary>The candidate entity itself (a service's, instance's, node's or network edge's own metrics).</summary>
    Self,

    /// <summary>The instances of a service candidate (their golden and resource metrics).</summary>
    Instances,

    /// <summary>The nodes hosting the candidate (or its instances).</summary>
    Host,

    /// <summary>Services the candidate (or an instance candidate's service) calls, directly or further down.</summary>
    Downstream,

    /// <summary>Network edges from or to the candidate's instances.</summary>
    Network,

    /// <summary>Call edges from callers to the candidate (the callers' view of it).</summary>
    Callers,
}
