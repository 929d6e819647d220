using System.Globalization;
using RootCause.Contracts;

namespace RootCause.Simulation;

/// <summary>
/// Generates a layered microservice system: an entry gateway, mid-tier layers that fan out, and leaf
/// databases and caches, wired as a DAG (callees always sit in deeper layers).
/// </summary>
internal static class WorldGenerator
{
    public static World Generate(ScenarioOptions options, Random rng)
    {
        var n = options.Services;
        var databases = Math.Max(1, (int)Math.Round(n * 0.12));
        var caches = Math.Max(1, (int)Math.Round(n * 0.08));
        var mid = n - 1 - databases - caches;
        var opsPerService = options.OperationsPerService ?? (n <= 100 ? 3 : n <= 300 ? 2 : 1);

        // Layer sizes grow geometrically so the gateway fans out to a handful of services, not hundreds.
        var layerSizes = new List<int>();
        var left = mid;
        var size = Math.Min(left, Math.Clamp(2 + (mid / 60), 2, 8));
        while (left > 0)
        {
            size = Math.Min(size, left);
            layerSizes.Add(size);
            left -= size;
            size = (int)Math.Ceiling(size * 2.5);
        }

        var leafLayer = layerSizes.Count + 1;
        var services = new List<SimService>
        {
            NewService(0, options.EntryService, ServiceKind.Service, 0, 8080, 2, 1L << 30),
        };
        var layers = new List<List<int>> { new() { 0 } };
        var midIndex = 0;
        for (var l = 0; l < layerSizes.Count; l++)
        {
            var layer = new List<int>();
            for (var k = 0; k < layerSizes[l]; k++)
            {
                var name = ServiceNames.Mid(midIndex++);
                if (string.Equals(name, options.EntryService, StringComparison.Ordinal))
                {
                    name += "-svc";
                }

                layer.Add(services.Count);
                services.Add(NewService(services.Count, name, ServiceKind.Service, l + 1, 8080, rng.Next(1, 3), (long)(512 + (512 * rng.Next(0, 4))) << 20));
            }

            layers.Add(layer);
        }

        var leaves = new List<int>();
        for (var k = 0; k < databases; k++)
        {
            leaves.Add(services.Count);
            services.Add(NewService(services.Count, ServiceNames.Database(k), ServiceKind.Database, leafLayer, 5432, 4, (long)rng.Next(4, 9) << 30));
        }

        for (var k = 0; k < caches; k++)
        {
            leaves.Add(services.Count);
            services.Add(NewService(services.Count, ServiceNames.Cache(k), ServiceKind.Cache, leafLayer, 6379, 1, (long)rng.Next(1, 3) << 30));
        }

        var callees = services.Select(_ => new SortedSet<int>()).ToArray();
        WireCalls(rng, layers, leaves, callees, services);

        var operations = new List<SimOperation>();
        foreach (var s in services)
        {
            var names = ServiceNames.OperationsOf(s.Name, s.Kind, s.Index == 0, opsPerService);
            s.Operations = names.Select(name => NewOperation(rng, operations, s, name)).ToArray();
        }

        var entryRate = options.EntryRequestsPerSecond > 0 ? options.EntryRequestsPerSecond : 100 + (4.0 * n);
        PlanTraffic(rng, services, operations, entryRate, callees);

        var nodes = NodeNames(options.Nodes);
        var instances = PlaceInstances(rng, options, services, nodes.Length);
        var onNode = Enumerable.Range(0, nodes.Length).Select(node => instances.Where(i => i.Node == node).Select(i => i.Index).ToArray()).ToArray();
        SizeCpu(rng, services, options.InstancesPerService);
        var (cores, memory) = SizeNodes(services, instances, onNode);

        var rtt = new double[nodes.Length, nodes.Length];
        for (var a = 0; a < nodes.Length; a++)
        {
            rtt[a, a] = 0.00005;
            for (var b = a + 1; b < nodes.Length; b++)
            {
                rtt[a, b] = rtt[b, a] = 0.00025 + (0.0005 * rng.NextDouble());
            }
        }

        return new World
        {
            Services = services.ToArray(),
            Operations = operations.ToArray(),
            Instances = instances,
            Nodes = nodes,
            NodeCores = cores,
            NodeMemoryBytes = memory,
            NodeRtt = rtt,
            InstancesOnNode = onNode,
            CalleesFirst = services.OrderByDescending(s => s.Layer).ThenBy(s => s.Index).Select(s => s.Index).ToArray(),
            EntryRate = entryRate,
        };
    }

    private static SimService NewService(int index, string name, ServiceKind kind, int layer, int port, double cpuLimit, long memoryLimit) =>
        new() { Index = index, Name = name, Kind = kind, Layer = layer, Port = port, CpuLimitCores = cpuLimit, MemoryLimitBytes = memoryLimit };

    private static void WireCalls(Random rng, List<List<int>> layers, List<int> leaves, SortedSet<int>[] callees, List<SimService> services)
    {
        // Every mid-tier service has a caller one layer up (so all are reachable from the gateway) and sometimes
        // a second one from any earlier mid-tier layer.
        for (var l = 1; l < layers.Count; l++)
        {
            foreach (var s in layers[l])
            {
                var parents = layers[l - 1];
                callees[parents[rng.Next(parents.Count)]].Add(s);
                if (l >= 2 && rng.NextDouble() < 0.35)
                {
                    var earlier = layers[1 + rng.Next(l - 1)];
                    callees[earlier[rng.Next(earlier.Count)]].Add(s);
                }
            }
        }

        var midTier = layers.Skip(1).SelectMany(l => l).ToArray();
        var dbs = leaves.Where(i => services[i].Kind == ServiceKind.Database).ToArray();
        var cacheList = leaves.Where(i => services[i].Kind == ServiceKind.Cache).ToArray();

        // Each leaf store has one or two owners; services at the bottom always own a store.
        foreach (var leaf in leaves)
        {
            callees[midTier[rng.Next(midTier.Length)]].Add(leaf);
            if (rng.NextDouble() < 0.4)
            {
                callees[midTier[rng.Next(midTier.Length)]].Add(leaf);
            }
        }

        foreach (var s in midTier)
        {
            if (callees[s].Count == 0)
            {
                callees[s].Add(rng.NextDouble() < 0.7 ? dbs[rng.Next(dbs.Length)] : cacheList[rng.Next(cacheList.Length)]);
            }
        }

        // The gateway reads sessions from a cache, as most storefronts do.
        if (cacheList.Length > 0)
        {
            callees[0].Add(cacheList[0]);
        }
    }

    private static int NewOperation(Random rng, List<SimOperation> operations, SimService service, string name)
    {
        var (own, sigma, bytes) = service.Kind switch
        {
            ServiceKind.Database => (0.0015 + (0.004 * rng.NextDouble()), 0.45 + (0.15 * rng.NextDouble()), 2048.0),
            ServiceKind.Cache => (0.0003 + (0.0005 * rng.NextDouble()), 0.35 + (0.1 * rng.NextDouble()), 512.0),
            _ when service.Index == 0 => (0.004 + (0.004 * rng.NextDouble()), 0.4 + (0.15 * rng.NextDouble()), 16384.0),
            _ => (0.002 + (0.01 * rng.NextDouble()), 0.4 + (0.2 * rng.NextDouble()), 4096.0),
        };
        var op = new SimOperation
        {
            Index = operations.Count,
            Service = service.Index,
            Name = name,
            OwnSeconds = own,
            Sigma = sigma,
            ErrorRate = 0.0003 + (0.0012 * rng.NextDouble()),
            ClientErrorRate = service.Kind is ServiceKind.Database or ServiceKind.Cache ? 0 : 0.005 + (0.01 * rng.NextDouble()),
            RequestBytes = 300 + (700 * rng.NextDouble()),
            ResponseBytes = bytes * (0.5 + rng.NextDouble()),
        };
        operations.Add(op);
        return op.Index;
    }

    private static void PlanCalls(Random rng, SimService service, int[] callees, List<SimService> services, List<SimOperation> operations, int[] nextOperation)
    {
        var plan = new List<int>();
        var calls = service.Operations.ToDictionary(o => o, _ => new List<SimCall>());
        foreach (var callee in callees)
        {
            var target = services[callee];

            // Each callee is used by some of the operations that carry traffic, at least one.
            var live = service.Operations.Where(o => operations[o].Rate > 0).DefaultIfEmpty(service.Operations[0]).ToArray();
            var users = live.Where(_ => rng.NextDouble() < 0.6).ToList();
            if (users.Count == 0)
            {
                users.Add(live[rng.Next(live.Length)]);
            }

            foreach (var op in users)
            {
                var calleeOp = target.Operations[nextOperation[callee]++ % target.Operations.Length];
                var planIndex = plan.IndexOf(calleeOp);
                if (planIndex < 0)
                {
                    planIndex = plan.Count;
                    plan.Add(calleeOp);
                }

                var perRequest = target.Kind == ServiceKind.Database ? rng.Next(1, 3) : target.Kind == ServiceKind.Cache ? 1.0 : rng.NextDouble() < 0.25 ? 0.5 : 1.0;
                calls[op].Add(new SimCall(planIndex, calleeOp, perRequest));
            }
        }

        foreach (var op in service.Operations)
        {
            // A request takes one or two of its service's downstream branches, not all of them: this keeps the
            // services touched per entry request in the tens even in a 1,000-service graph.
            var branches = calls[op].Count(c => services[operations[c.Operation].Service].Kind == ServiceKind.Service);
            var scale = branches > 2 ? 2.0 / branches : 1.0;
            operations[op].Calls = calls[op]
                .Select(c => services[operations[c.Operation].Service].Kind == ServiceKind.Service ? c with { PerRequest = c.PerRequest * scale } : c)
                .ToArray();
        }

        service.PlanOperations = plan.ToArray();
        service.CalleeServices = callees;
    }

    private static void PlanTraffic(Random rng, List<SimService> services, List<SimOperation> operations, double entryRate, SortedSet<int>[] callees)
    {
        // Callers take a callee's operations in turn, so every operation of a called service gets traffic.
        var nextOperation = services.Select(s => rng.Next(s.Operations.Length)).ToArray();
        var entry = services[0];
        var weights = entry.Operations.Select(_ => 0.5 + rng.NextDouble()).ToArray();
        var total = weights.Sum();
        for (var k = 0; k < entry.Operations.Length; k++)
        {
            var op = operations[entry.Operations[k]];
            op.Rate = entryRate * weights[k] / total;
            op.Callers.Add((-1, op.Rate));
        }

        // Callers always sit in lower layers, so walking by layer sees every caller's rate before its callees.
        foreach (var s in services.OrderBy(s => s.Layer).ThenBy(s => s.Index))
        {
            PlanCalls(rng, s, callees[s.Index].ToArray(), services, operations, nextOperation);
            s.Rate = s.Operations.Sum(o => operations[o].Rate);
            s.PlanRates = new double[s.PlanOperations.Length];
            var byCallee = new Dictionary<int, (double Rate, double Req, double Resp)>();
            foreach (var o in s.Operations)
            {
                var op = operations[o];
                foreach (var call in op.Calls)
                {
                    var rate = op.Rate * call.PerRequest;
                    s.PlanRates[call.Plan] += rate;
                    var callee = operations[call.Operation];
                    var agg = byCallee.GetValueOrDefault(callee.Service);
                    byCallee[callee.Service] = (agg.Rate + rate, agg.Req + (rate * callee.RequestBytes), agg.Resp + (rate * callee.ResponseBytes));
                }
            }

            for (var p = 0; p < s.PlanOperations.Length; p++)
            {
                var callee = operations[s.PlanOperations[p]];
                callee.Rate += s.PlanRates[p];
                callee.Callers.Add((s.Index, s.PlanRates[p]));
            }

            s.CalleeRates = s.CalleeServices.Select(c => byCallee[c].Rate).ToArray();
            s.CalleeRequestBytes = s.CalleeServices.Select(c => byCallee[c].Req / Math.Max(byCallee[c].Rate, 1e-9)).ToArray();
            s.CalleeResponseBytes = s.CalleeServices.Select(c => byCallee[c].Resp / Math.Max(byCallee[c].Rate, 1e-9)).ToArray();
        }
    }

    private static string[] NodeNames(int count)
    {
        var width = Math.Max(2, count.ToString(CultureInfo.InvariantCulture).Length);
        return Enumerable.Range(1, count).Select(i => "node-" + i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')).ToArray();
    }

    private static SimInstance[] PlaceInstances(Random rng, ScenarioOptions options, List<SimService> services, int nodeCount)
    {
        var instances = new List<SimInstance>();
        foreach (var s in services)
        {
            // Consecutive nodes from a random offset: replicas of one service land on different nodes (anti-affinity).
            var offset = rng.Next(nodeCount);
            var mine = new int[options.InstancesPerService];
            for (var k = 0; k < options.InstancesPerService; k++)
            {
                var g = instances.Count;
                var address = string.Create(CultureInfo.InvariantCulture, $"10.244.{g / 250}.{(g % 250) + 2}:{s.Port}");
                var name = string.Create(CultureInfo.InvariantCulture, $"{s.Name}-{k}");
                instances.Add(new SimInstance(g, name, s.Index, (offset + k) % nodeCount, k, address, 0.35 + (0.3 * rng.NextDouble())));
                mine[k] = g;
            }

            s.Instances = mine;
        }

        return instances.ToArray();
    }

    private static void SizeCpu(Random rng, List<SimService> services, int instancesPerService)
    {
        // Per-request CPU is set so each instance runs at 15–45 % of its limit at mean traffic.
        foreach (var s in services)
        {
            var perInstance = Math.Max(s.Rate / instancesPerService, 0.01);
            s.CpuSecondsPerRequest = s.CpuLimitCores * (0.15 + (0.3 * rng.NextDouble())) / perInstance;
        }
    }

    private static (double[] Cores, long[] Memory) SizeNodes(List<SimService> services, SimInstance[] instances, int[][] onNode)
    {
        var cores = new double[onNode.Length];
        var memory = new long[onNode.Length];
        for (var node = 0; node < onNode.Length; node++)
        {
            // Nodes are sized like a scheduler would pack them: limits over-committed ~1.5x, at least 4 cores.
            var limits = onNode[node].Sum(i => services[instances[i].Service].CpuLimitCores);
            cores[node] = Math.Max(4, 2 * Math.Ceiling(limits / 1.5 / 2));
            var mem = onNode[node].Sum(i => services[instances[i].Service].MemoryLimitBytes);
            memory[node] = Math.Max(16L << 30, (long)Math.Ceiling(mem / (double)(8L << 30)) * (8L << 30));
        }

        return (cores, memory);
    }
}
