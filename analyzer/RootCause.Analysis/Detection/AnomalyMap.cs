using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Detection;

/// <summary>The anomalies found in a snapshot, looked up by entity.</summary>
internal sealed class AnomalyMap(IReadOnlyDictionary<SeriesKey, SeriesAnomaly> anomalies)
{
    private readonly ILookup<EntityRef, SeriesAnomaly> _byEntity = anomalies.Values.ToLookup(a => a.Entity);

    public int Count => anomalies.Count;

    /// <summary>The anomalies that satisfy <paramref name="keep"/>.</summary>
    public AnomalyMap Where(Func<SeriesAnomaly, bool> keep) =>
        new(anomalies.Values.Where(keep).ToDictionary(a => a.Key));

    public IEnumerable<SeriesAnomaly> All => anomalies.Values;

    public IEnumerable<SeriesAnomaly> Of(EntityRef entity) => _byEntity[entity];

    public SeriesAnomaly? Of(EntityRef entity, string metric) => anomalies.GetValueOrDefault(new SeriesKey(entity, metric));

    /// <summary>The strongest anomaly among <paramref name="metrics"/> of an entity, if any.</summary>
    public SeriesAnomaly? Strongest(EntityRef entity, params string[] metrics) =>
        metrics.Select(m => anomalies.GetValueOrDefault(new SeriesKey(entity, m))).Where(a => a is not null).MaxBy(a => a!.Severity);
}
