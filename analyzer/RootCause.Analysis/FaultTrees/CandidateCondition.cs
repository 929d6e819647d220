using RootCause.Contracts;

namespace RootCause.Analysis.FaultTrees;

/// <summary>Holds when the candidate is of one of the entity kinds and (when given) one of the service kinds; null means "any".</summary>
internal sealed record CandidateCondition(
    SourceMark Start,
    IReadOnlyList<EntityKind>? Kinds,
    IReadOnlyList<ServiceKind>? ServiceKinds) : FaultCondition(Start)
{
    public override string? Match(CandidateEvidence evidence)
    {
        if (Kinds is not null && !Kinds.Contains(evidence.Candidate.Kind))
        {
            return null;
        }

        if (ServiceKinds is not null && (evidence.ServiceKind is not { } serviceKind || !ServiceKinds.Contains(serviceKind)))
        {
            return null;
        }

        return Words([evidence.Candidate.Kind], evidence.ServiceKind is { } actual ? [actual] : null);
    }

    public override string Describe() => Words(Kinds, ServiceKinds);

    private string Words(IReadOnlyList<EntityKind>? kinds, IReadOnlyList<ServiceKind>? serviceKinds)
    {
        var parts = new List<string>(2);
        if (Kinds is not null && kinds is not null)
        {
            parts.Add("kind is " + string.Join(" or ", kinds.Select(Vocabulary.Word)));
        }

        if (ServiceKinds is not null && serviceKinds is not null)
        {
            parts.Add("service_kind is " + string.Join(" or ", serviceKinds.Select(Vocabulary.Word)));
        }

        return string.Join(" and ", parts);
    }
}
