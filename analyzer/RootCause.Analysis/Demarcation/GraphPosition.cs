namespace RootCause.Analysis.Demarcation;

/// <summary>
/// How well a candidate's place in the graph explains the symptom: the levels demarcation assigns, from a
/// bystander to a cause that several degraded entities share. Ranking weighs <see cref="Candidate.Position"/>
/// up to <see cref="Ceiling"/>.
/// </summary>
internal static class GraphPosition
{
    /// <summary>Its instances' resources moved, but none of its instances degrades.</summary>
    public const double Bystander = 0.3;

    /// <summary>A degraded service whose callee degrades the same way: more likely on the path than at its start.</summary>
    public const double Upstream = 0.35;

    /// <summary>A node whose resources moved with no degraded instance to explain, or a network edge between healthy ends.</summary>
    public const double Unrelated = 0.4;

    /// <summary>A deviation that a more specific candidate explains (<see cref="Candidate.ExplainedBy"/>).</summary>
    public const double Explained = 0.6;

    /// <summary>At least this, a candidate is specific enough to demote what it explains.</summary>
    public const double Specific = 0.8;

    /// <summary>Only some instances of a degraded service degrade, with no resource signal of their own.</summary>
    public const double PartialInstance = 0.8;

    /// <summary>An external endpoint that degrades together with a watched root service (a proxy, a balancer).</summary>
    public const double MirroringExternal = 0.8;

    /// <summary>A degraded instance with a resource signal, or the only degraded instance on a node with one.</summary>
    public const double ResourceBehindDegradation = 0.9;

    /// <summary>Where the deviation starts: a root of the degraded call graph, a degraded link, a partial instance with a resource signal.</summary>
    public const double Root = 1.0;

    /// <summary>The highest level ranking weighs.</summary>
    public const double Ceiling = 1.2;

    /// <summary>
    /// Above <see cref="Root"/>: a cause that <paramref name="sharedBy"/> degraded entities share (a node
    /// under several services' instances, an instance that several connections fail to reach). Nothing it
    /// explains can demote it.
    /// </summary>
    public static double Shared(int sharedBy) => Root + Math.Min(Ceiling - Root, 0.05 * sharedBy);

    /// <summary>Whether a candidate at <paramref name="position"/> is a shared cause.</summary>
    public static bool IsShared(double position) => position > Root;
}
