using RootCause.Bundles;
using RootCause.Contracts;

namespace RootCause.Simulation;

/// <summary>A simulated incident: topology, telemetry, the alert a monitoring system raised, and the truth kept apart.</summary>
/// <param name="Options">The options it was generated from.</param>
/// <param name="Topology">Declared services, nodes, instances and calls.</param>
/// <param name="EntryService">The gateway service the alert watches.</param>
/// <param name="Batches">One batch per node per interval, in time order.</param>
/// <param name="Fault">What was injected; null for a healthy run.</param>
/// <param name="Symptom">The alert, when the entry service breached its threshold; null otherwise.</param>
/// <param name="Webhook">The Alertmanager webhook payload of <paramref name="Symptom"/>.</param>
/// <param name="Truth">The ground truth for scoring; never an analyzer input.</param>
/// <param name="Thresholds">The entry-service alert thresholds the simulator applied.</param>
public sealed record ScenarioResult(
    ScenarioOptions Options,
    BundleTopology Topology,
    string EntryService,
    IReadOnlyList<MetricBatch> Batches,
    FaultSpec? Fault,
    Symptom? Symptom,
    AlertmanagerWebhook? Webhook,
    GroundTruth? Truth,
    AlertThresholds Thresholds)
{
    /// <summary>The incident as a bundle.</summary>
    /// <exception cref="InvalidOperationException">No alert fired, so there is no incident to bundle.</exception>
    public IncidentBundle ToBundle(string? description = null)
    {
        if (Symptom is null)
        {
            throw new InvalidOperationException(Fault is null
                ? "a healthy simulation raised no alert; there is no incident to bundle"
                : $"the {Fault.FaultClass} fault at {Fault.Target} did not make {EntryService} breach its alert thresholds; pick another target or a higher intensity");
        }

        description ??= Fault is null
            ? $"Simulated healthy system: {Options.Services} services, seed {Options.Seed}"
            : $"Simulated {Fault.FaultClass} at {Fault.Target} from {Fault.Onset:yyyy-MM-ddTHH:mm:ssZ} for {Fault.Duration.TotalMinutes:0} min; {Options.Services} services x {Options.InstancesPerService} instances on {Options.Nodes} nodes, seed {Options.Seed}";
        return IncidentBundle.Create(description, Topology, Batches, Symptom, Truth);
    }
}
