using RootCause.Contracts;

namespace RootCause.Bundles;

/// <summary>
/// What really caused an incident, for scoring an analysis afterwards. It is never given to the analyzer.
/// </summary>
/// <param name="Kind">Kind of the faulty entity.</param>
/// <param name="Name">Its name as the topology spells it; network edges as "source -> destination".</param>
/// <param name="FaultClass">Fault-class id, e.g. "slow_database".</param>
/// <param name="Onset">When the fault began, when known.</param>
/// <param name="DurationSeconds">How long it lasted, when known.</param>
public sealed record GroundTruth(EntityKind Kind, string Name, string FaultClass, DateTimeOffset? Onset = null, double? DurationSeconds = null)
{
    public EntityRef Entity => new(Kind, Name);
}
