namespace RootCause.Analysis.DrillDown;

/// <summary>
/// Knobs of the drill-down search. The defaults are the ones published in docs/accuracy.md; they are the same
/// for every cube, whatever its size or KPI.
/// </summary>
/// <param name="MaxDepth">Most dimensions one root cause may combine (e.g. 3: node &amp; operation &amp; caller).</param>
/// <param name="MaxCauses">Most root causes returned.</param>
/// <param name="LeafEvidenceCap">
/// Most evidence, in nats, one leaf can give for or against a cause. Caps keep one huge leaf from outvoting
/// the rest and let a cause contain a few leaves that the fault spared.
/// </param>
/// <param name="CausePenalty">
/// Evidence, in nats, a cause must add before it is reported, on top of the log of the number of elements
/// searched; below it the cube is "none".
/// </param>
/// <param name="RelativeStop">A further cause must carry at least this share of the first cause's evidence.</param>
/// <param name="CleanCauseShare">
/// A further cause below the relative stop is still reported when its evidence reaches this share of the cap
/// times its leaf count, i.e. when nearly all its leaves moved far.
/// </param>
/// <param name="DepthPenalty">Evidence charged per dimension of a cause, so that ties go to the simpler one.</param>
/// <param name="ForecastPseudoCount">
/// Denominator units of the overall forecast ratio mixed into each leaf's forecast ratio, so that a leaf with
/// little history borrows the cube's ratio instead of trusting one or two events.
/// </param>
/// <param name="UntouchedLeafCost">
/// Most evidence, in nats, a leaf of a cause costs when it did not follow the cause's effect. Small: faults
/// spare some leaves of their element, but a broad element full of untouched leaves must lose to the
/// narrow one that holds the moved leaves.
/// </param>
public sealed record DrillDownOptions(
    int MaxDepth = 3,
    int MaxCauses = 5,
    double LeafEvidenceCap = 6.0,
    double CausePenalty = 5.0,
    double RelativeStop = 0.5,
    double CleanCauseShare = 0.6,
    double DepthPenalty = 0.001,
    double ForecastPseudoCount = 1.0,
    double UntouchedLeafCost = 1.0)
{
    public static DrillDownOptions Default { get; } = new();
}
