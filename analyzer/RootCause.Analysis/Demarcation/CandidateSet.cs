using RootCause.Contracts;

namespace RootCause.Analysis.Demarcation;

/// <summary>Candidates by entity, created on first mention.</summary>
internal sealed class CandidateSet
{
    private readonly Dictionary<EntityRef, Candidate> _byEntity = [];

    public Candidate Get(EntityRef entity)
    {
        if (!_byEntity.TryGetValue(entity, out var candidate))
        {
            _byEntity[entity] = candidate = new Candidate(entity);
        }

        return candidate;
    }

    public IReadOnlyDictionary<EntityRef, Candidate> All => _byEntity;
}
