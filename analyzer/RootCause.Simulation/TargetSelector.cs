using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Simulation;

/// <summary>
/// Resolves where a fault goes: the named target, or, by seed, a place on a busy path from the entry
/// service whose fault visibly breaches the entry service's latency or error rate (checked on the model).
/// </summary>
internal static class TargetSelector
{
    private const int MaxProbes = 24;

    public static FaultPlan Resolve(World world, FaultKind kind, string? target, ScenarioOptions options, int start, int end)
    {
        var template = new FaultPlan(kind, new EntityRef(FaultClasses.TargetKindOf(kind), ""), start, end, options.Intensity, options.IntervalSeconds / 60);
        if (!string.IsNullOrWhiteSpace(target))
        {
            return Named(world, template, target.Trim());
        }

        var candidates = Candidates(world, template).ToList();
        if (candidates.Count == 0)
        {
            throw new ArgumentException($"this topology has no place for a {FaultClasses.IdOf(kind)} fault", nameof(options));
        }

        var rng = new Random(unchecked((options.Seed * 31) + (int)kind + 0x7a26));
        Shuffle(rng, candidates);
        var best = candidates[0];
        var bestScore = double.MinValue;
        FaultPlan? healthyPlan = null;
        (double P99, double ErrorRate)? healthy = null;
        foreach (var candidate in candidates.Take(MaxProbes))
        {
            var peak = candidate.PeakIndex;
            healthy ??= new IntervalModel(world, healthyPlan, peak, 1).EntryExpected();
            var faulty = new IntervalModel(world, candidate, peak, 1).EntryExpected();
            var score = Math.Max(faulty.P99 / healthy.Value.P99, 1 + ((faulty.ErrorRate - healthy.Value.ErrorRate) / 0.03 * 0.6));
            if (score >= 1.6)
            {
                return candidate;
            }

            if (score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best;
    }

    private static IEnumerable<FaultPlan> Candidates(World world, FaultPlan template)
    {
        // Reach: calls per entry request. Busy places are where a real incident would page someone.
        double Reach(SimService s) => s.Rate / world.EntryRate;
        var mid = world.Services.Where(s => s.Index != 0 && s.Kind == ServiceKind.Service).OrderByDescending(Reach).ToList();
        var stores = world.Services.Where(s => s.Kind is ServiceKind.Database or ServiceKind.Cache).OrderByDescending(Reach).ToList();
        switch (template.Kind)
        {
            case FaultKind.SlowService:
            case FaultKind.ErrorBurst:
                return Busy(mid, Reach).Select(s => ForService(world, template, s));
            case FaultKind.SlowDatabase:
                return Busy(stores, Reach).Select(s => ForService(world, template, s));
            case FaultKind.MemoryPressure:
            case FaultKind.ConnectionFailures:
                return Busy(mid.Concat(stores).ToList(), Reach).SelectMany(s => s.Instances).Select(i => ForInstance(world, template, i));
            case FaultKind.CpuSaturation:
                return Enumerable.Range(0, world.Nodes.Length).Where(n => world.InstancesOnNode[n].Length > 0).Select(n => ForNode(world, template, n));
            case FaultKind.NetworkLoss:
                var edges = new List<(int I, int J, double Reach)>();
                foreach (var s in world.Services)
                {
                    for (var m = 0; m < s.CalleeServices.Length; m++)
                    {
                        var callee = world.Services[s.CalleeServices[m]];
                        var reach = s.CalleeRates[m] / world.EntryRate / s.Instances.Length / callee.Instances.Length;
                        edges.AddRange(s.Instances.SelectMany(i => callee.Instances.Select(j => (i, j, reach))));
                    }
                }

                // Only the busiest cross-node links: in a big graph almost every edge carries a sliver of traffic.
                edges.RemoveAll(e => world.Instances[e.I].Node == world.Instances[e.J].Node);
                var cut = edges.Select(e => e.Reach).OrderDescending().Take(MaxProbes).DefaultIfEmpty(0).Min();
                return edges.Where(e => e.Reach >= cut)
                    .Select(e => ForEdge(world, template, e.I, e.J));
            default:
                throw new ArgumentOutOfRangeException(nameof(template), template.Kind, "unknown fault kind");
        }
    }

    /// <summary>The services that at least a tenth of entry requests reach; the busiest few when none does.</summary>
    private static List<SimService> Busy(List<SimService> services, Func<SimService, double> reach)
    {
        var busy = services.Where(s => reach(s) >= 0.1).ToList();
        return busy.Count > 0 ? busy : services.Take(5).ToList();
    }

    private static FaultPlan Named(World world, FaultPlan template, string target)
    {
        switch (template.Kind)
        {
            case FaultKind.SlowService or FaultKind.ErrorBurst or FaultKind.SlowDatabase:
                var service = world.Services.FirstOrDefault(s => s.Name == target)
                    ?? throw new ArgumentException($"no service named \"{target}\"; {FaultClasses.IdOf(template.Kind)} targets a service");
                if (template.Kind == FaultKind.SlowDatabase && service.Kind is not (ServiceKind.Database or ServiceKind.Cache))
                {
                    throw new ArgumentException($"\"{target}\" is a {service.Kind.ToString().ToLowerInvariant()}; slow_database targets a database or cache");
                }

                return ForService(world, template, service);
            case FaultKind.MemoryPressure or FaultKind.ConnectionFailures:
                var instance = world.Instances.FirstOrDefault(i => i.Name == target)
                    ?? throw new ArgumentException($"no instance named \"{target}\"; {FaultClasses.IdOf(template.Kind)} targets an instance");
                return ForInstance(world, template, instance.Index);
            case FaultKind.CpuSaturation:
                return ForNode(world, template, NodeIndex(world, target) ?? throw new ArgumentException($"no node named \"{target}\"; cpu_saturation targets a node"));
            case FaultKind.NetworkLoss:
                if (NodeIndex(world, target) is { } node)
                {
                    return ForNode(world, template, node) with { Target = new EntityRef(EntityKind.Node, target) };
                }

                if (!NetworkEdge.TryParse(target, out var edge))
                {
                    throw new ArgumentException($"\"{target}\" is neither a node nor an edge \"srcInstance -> dstInstance\"; network_loss targets one of those");
                }

                var source = world.Instances.FirstOrDefault(i => i.Name == edge.Source) ?? throw new ArgumentException($"no instance named \"{edge.Source}\"");
                var destination = world.Instances.FirstOrDefault(i => i.Name == edge.Destination) ?? throw new ArgumentException($"no instance named \"{edge.Destination}\"");
                if (!world.Services[source.Service].CalleeServices.Contains(destination.Service))
                {
                    throw new ArgumentException($"{world.Services[source.Service].Name} does not call {world.Services[destination.Service].Name}, so no traffic crosses \"{target}\"");
                }

                return ForEdge(world, template, source.Index, destination.Index);
            default:
                throw new ArgumentOutOfRangeException(nameof(template), template.Kind, "unknown fault kind");
        }
    }

    private static int? NodeIndex(World world, string name)
    {
        var i = Array.IndexOf(world.Nodes, name);
        return i < 0 ? null : i;
    }

    private static FaultPlan ForService(World world, FaultPlan template, SimService s) =>
        template with { Service = s.Index, Target = new EntityRef(EntityKind.Service, s.Name) };

    private static FaultPlan ForInstance(World world, FaultPlan template, int i) =>
        template with { Instance = i, Target = new EntityRef(EntityKind.Instance, world.Instances[i].Name) };

    private static FaultPlan ForNode(World world, FaultPlan template, int n) =>
        template with { Node = n, Target = new EntityRef(EntityKind.Node, world.Nodes[n]) };

    private static FaultPlan ForEdge(World world, FaultPlan template, int i, int j) =>
        template with { EdgeSource = i, EdgeDestination = j, Target = new EntityRef(EntityKind.NetworkEdge, new NetworkEdge(world.Instances[i].Name, world.Instances[j].Name).Name) };

    private static void Shuffle<T>(Random rng, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var k = rng.Next(i + 1);
            (items[i], items[k]) = (items[k], items[i]);
        }
    }
}
