using RootCause.Contracts;

namespace RootCause.Topology;

/// <summary>Identifies one derived metric series: a metric of an entity.</summary>
public readonly record struct SeriesKey(EntityRef Entity, string Metric)
{
    public override string ToString() => $"{Entity}/{Metric}";
}
