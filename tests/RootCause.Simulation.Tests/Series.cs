using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Simulation.Tests;

/// <summary>Reads a derived series of a scenario the way the analyzer will: bundle → snapshot → SeriesTable.</summary>
internal sealed class Series(ScenarioResult result)
{
    public TelemetrySnapshot Snapshot { get; } = new(result.Batches.Aggregate(result.Topology.AddTo(new TopologyBuilder()), (b, batch) => b.Add(batch)).Build(), result.Batches);

    public int Onset => Snapshot.IndexAt(result.Fault!.Onset);

    public double[] Of(EntityKind kind, string name, string metric) =>
        Snapshot.Series.Get(new EntityRef(kind, name), metric) ?? throw new InvalidOperationException($"no {metric} series for {kind} {name}");

    /// <summary>Median of the intervals before the onset (skipping the first ten) and of the fault window.</summary>
    public (double Before, double During) Split(EntityKind kind, string name, string metric)
    {
        var values = Of(kind, name, metric);
        var end = Onset + (int)(result.Fault!.Duration.TotalSeconds / result.Options.IntervalSeconds);
        return (Median(values[10..Onset]), Median(values[Onset..end]));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
