namespace RootCause.Analysis.FaultTrees;

/// <summary>
/// Decides, conservatively, whether one condition can only hold when another does; used to find branches
/// that an earlier sibling always shadows. "False" means "not proven", so a tree is never rejected wrongly.
/// </summary>
internal sealed class ConditionImplication
{
    // Nested all/any lists can make the proof search exponential; a hostile file gets "not proven" instead.
    private const int StepBudget = 100_000;
    private int steps;

    /// <summary>True when every evidence that satisfies <paramref name="a"/> also satisfies <paramref name="b"/>.</summary>
    public static bool Implies(FaultCondition a, FaultCondition b) => new ConditionImplication().Prove(a, b);

    /// <summary>True when the condition can hold for no evidence at all.</summary>
    public static bool IsNever(FaultCondition condition) => condition switch
    {
        NotCondition not => Implies(new AlwaysCondition(not.Start), not.Inner),
        AllCondition all => all.Conditions.Any(IsNever),
        AnyCondition any => any.Conditions.All(IsNever),
        CandidateCondition { Kinds.Count: 0 } or CandidateCondition { ServiceKinds.Count: 0 } => true,
        _ => false,
    };

    private bool Prove(FaultCondition a, FaultCondition b)
    {
        if (++steps > StepBudget)
        {
            return false;
        }

        if (b is AlwaysCondition)
        {
            return true;
        }

        if (b is AllCondition bAll)
        {
            return bAll.Conditions.All(c => Prove(a, c));
        }

        if (a is AnyCondition aAny)
        {
            return aAny.Conditions.All(c => Prove(c, b));
        }

        if (a is AllCondition aAll && aAll.Conditions.Any(c => Prove(c, b)))
        {
            return true;
        }

        if (b is AnyCondition bAny && bAny.Conditions.Any(c => Prove(a, c)))
        {
            return true;
        }

        return (a, b) switch
        {
            (NotCondition notA, NotCondition notB) => Prove(notB.Inner, notA.Inner),
            (AnomalyCondition x, AnomalyCondition y) =>
                x.Direction == y.Direction && x.MinSeverity >= y.MinSeverity
                && x.Scopes.IsSubsetOf(y.Scopes) && x.Metrics.IsSubsetOf(y.Metrics),
            (CandidateCondition x, CandidateCondition y) =>
                (y.Kinds is null || (x.Kinds is not null && x.Kinds.All(y.Kinds.Contains)))
                && (y.ServiceKinds is null || (x.ServiceKinds is not null && x.ServiceKinds.All(y.ServiceKinds.Contains))),
            _ => false,
        };
    }
}
