using RootCause.Contracts;

namespace RootCause.Simulation;

/// <summary>
/// Simulated incidents: a generated microservice system, its telemetry per node and interval, one injected
/// fault, the alert a monitoring system raises, and the ground truth. Pure and deterministic: the options
/// (seed included) fix every value; no clock, no I/O.
/// </summary>
public static class Scenario
{
    public static ScenarioResult Create(ScenarioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(options);
        var step = options.IntervalSeconds;
        var world = WorldGenerator.Generate(options, new Random(options.Seed));
        var onset = (int)Math.Round(options.BaselineMinutes * 60 / step);
        var end = onset + (int)Math.Round(options.FaultMinutes * 60 / step);
        var intervals = end + (int)Math.Round(options.RecoveryMinutes * 60 / step);

        FaultPlan? plan = null;
        if (options.Fault is { } kind)
        {
            plan = TargetSelector.Resolve(world, kind, options.Target, options, onset, end);
        }

        var traffic = TrafficShape(options, intervals);
        var noise = new Noise(unchecked((options.Seed * 7919) + 17));
        var emitter = new BatchEmitter(world, noise, step);
        var batches = new List<MetricBatch>(intervals * world.Nodes.Length);
        for (var t = 0; t < intervals; t++)
        {
            var model = new IntervalModel(world, plan, t, traffic[t]);
            emitter.Emit(model, options.Start.AddSeconds(t * step), batches);
        }

        var (thresholds, symptom, description) = AlertEvaluator.Evaluate(
            batches, world.Entry.Name, intervals, plan is null ? intervals : onset, options.Start, step);
        var webhook = symptom is null ? null : AlertmanagerPayload.Build(symptom, description: description);

        FaultSpec? fault = null;
        Bundles.GroundTruth? truth = null;
        if (plan is not null)
        {
            var at = options.Start.AddSeconds(onset * step);
            var duration = TimeSpan.FromSeconds((end - onset) * step);
            var id = FaultClasses.IdOf(plan.Kind);
            fault = new FaultSpec(plan.Kind, id, plan.Target, at, duration);
            truth = new Bundles.GroundTruth(plan.Target.Kind, plan.Target.Name, id, at, duration.TotalSeconds);
        }

        return new ScenarioResult(options, world.ToTopology(), world.Entry.Name, batches, fault, symptom, webhook, truth, thresholds);
    }

    private static void Check(ScenarioOptions o)
    {
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message, nameof(o));
            }
        }

        Require(o.Services is >= 5 and <= 20_000, $"Services must be 5..20000, was {o.Services}");
        Require(o.InstancesPerService is >= 1 and <= 100, $"InstancesPerService must be 1..100, was {o.InstancesPerService}");
        Require(o.Nodes is >= 1 and <= 10_000, $"Nodes must be 1..10000, was {o.Nodes}");
        Require(o.OperationsPerService is null or (>= 1 and <= 5), $"OperationsPerService must be 1..5, was {o.OperationsPerService}");
        Require(o.BaselineMinutes >= 1 && o.FaultMinutes >= 0 && o.RecoveryMinutes >= 0, "minutes must be >= 0 (baseline >= 1)");
        Require(double.IsFinite(o.IntervalSeconds) && o.IntervalSeconds is >= 1 and <= 3600, $"IntervalSeconds must be 1..3600, was {o.IntervalSeconds}");
        Require(o.BaselineMinutes * 60 >= o.IntervalSeconds, "the baseline must span at least one interval");
        Require(o.Fault is null || o.FaultMinutes * 60 >= o.IntervalSeconds, "the fault must last at least one interval");
        Require(double.IsFinite(o.Intensity) && o.Intensity is > 0 and <= 10, $"Intensity must be in (0, 10], was {o.Intensity}");
        Require(double.IsFinite(o.EntryRequestsPerSecond) && o.EntryRequestsPerSecond >= 0, "EntryRequestsPerSecond must be >= 0");
        Require(!string.IsNullOrWhiteSpace(o.EntryService), "EntryService must be named");
        Require(o.Fault is null || Enum.IsDefined(o.Fault.Value), $"unknown fault kind {o.Fault}");
    }

    /// <summary>Daily traffic: a sinusoid peaking mid-afternoon, plus slowly wandering noise (AR(1)).</summary>
    private static double[] TrafficShape(ScenarioOptions options, int intervals)
    {
        var rng = new Noise(unchecked((options.Seed * 104729) + 3));
        var shape = new double[intervals];
        var wander = 0.0;
        for (var t = 0; t < intervals; t++)
        {
            var at = options.Start.AddSeconds(t * options.IntervalSeconds);
            var hours = at.UtcDateTime.TimeOfDay.TotalHours;
            wander = (0.8 * wander) + (0.02 * rng.Gaussian());
            shape[t] = Math.Max(0.1, 1 + (0.3 * Math.Sin(2 * Math.PI * (hours - 9) / 24)) + wander);
        }

        return shape;
    }
}
