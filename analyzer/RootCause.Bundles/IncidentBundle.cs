using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Bundles;

/// <summary>
/// One incident on disk: declared topology, the metric batches around it, the alert, and (for evaluation
/// only) the ground truth. See docs/bundle-format.md.
/// </summary>
/// <param name="Format">Always <see cref="FormatId"/>.</param>
/// <param name="Version">Format version; readers refuse versions they do not know.</param>
/// <param name="Description">Free text: where the incident comes from.</param>
/// <param name="Topology">Declared services, nodes, instances and calls.</param>
/// <param name="Batches">Metric batches, any order.</param>
/// <param name="Alert">The alert that started the analysis.</param>
/// <param name="Truth">The real root cause, when known; for scoring only, never an analyzer input.</param>
public sealed record IncidentBundle(
    string Format,
    int Version,
    string Description,
    BundleTopology Topology,
    IReadOnlyList<MetricBatch> Batches,
    Symptom Alert,
    GroundTruth? Truth = null)
{
    public const string FormatId = "rootcause.incident-bundle";

    public const int CurrentVersion = 1;

    public static IncidentBundle Create(string description, BundleTopology topology, IReadOnlyList<MetricBatch> batches, Symptom alert, GroundTruth? truth = null) =>
        new(FormatId, CurrentVersion, description, topology, batches, alert, truth);

    /// <summary>The analyzer's view: declared topology merged with what the batches show, and every batch.</summary>
    public TelemetrySnapshot ToSnapshot()
    {
        var builder = Topology.AddTo(new TopologyBuilder());
        foreach (var b in Batches)
        {
            builder.Add(b);
        }

        return new TelemetrySnapshot(builder.Build(), Batches);
    }
}
