using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Simulation;

/// <summary>
/// Turns an <see cref="IntervalModel"/> into what each node's agent would report: sampled request counts and
/// histograms (server and client side), TCP edge counters, and resource readings.
/// </summary>
internal sealed class BatchEmitter
{
    private readonly World _world;
    private readonly Noise _noise;
    private readonly double _step;
    private readonly IReadOnlyList<InstanceInfo>[] _instanceInfo;

    public BatchEmitter(World world, Noise noise, double stepSeconds)
    {
        _world = world;
        _noise = noise;
        _step = stepSeconds;

        // Instances never move in a simulation, so every batch of a node shares one list.
        _instanceInfo = world.InstancesOnNode.Select(ids => (IReadOnlyList<InstanceInfo>)ids.Select(i => world.InfoOf(world.Instances[i])).ToArray()).ToArray();
    }

    public void Emit(IntervalModel model, DateTimeOffset start, List<MetricBatch> into)
    {
        var lossy = LossyEdges(model);
        for (var n = 0; n < _world.Nodes.Length; n++)
        {
            var golden = new List<GoldenSample>();
            var calls = new List<CallSample>();
            var network = new List<NetworkSample>();
            var resources = new List<ResourceSample>();
            foreach (var i in _world.InstancesOnNode[n])
            {
                EmitGolden(model, i, golden);
                EmitCalls(model, i, calls);
                EmitNetwork(model, i, network);
                EmitResources(model, i, resources);
            }

            // The server end of a lossy link retransmits too; its agent reports that on the client-keyed edge.
            foreach (var (i, j, requests, loss) in lossy)
            {
                if (_world.Instances[j].Node == n)
                {
                    network.Add(new NetworkSample(_world.Instances[i].Name, _world.Instances[j].Name, 0, 0, _noise.Binomial((long)(requests * 4), loss), 0, 0, 0, 0, 0, 0));
                }
            }

            EmitNode(model, n, resources);
            var node = _world.Nodes[n];
            into.Add(new MetricBatch("agent-" + node, node, start, _step, _instanceInfo[n], golden, calls, network, resources));
        }
    }

    private List<(int I, int J, double Requests, double Loss)> LossyEdges(IntervalModel model)
    {
        var edges = new List<(int, int, double, double)>();
        if (model.Fault is not { Kind: FaultKind.NetworkLoss })
        {
            return edges;
        }

        foreach (var i in _world.Instances)
        {
            var s = _world.Services[i.Service];
            for (var m = 0; m < s.CalleeServices.Length; m++)
            {
                var callee = _world.Services[s.CalleeServices[m]];
                foreach (var j in callee.Instances)
                {
                    var loss = model.LossBetween(i.Index, j);
                    if (loss > 0)
                    {
                        edges.Add((i.Index, j, s.CalleeRates[m] * model.Traffic * model.Served[i.Index] / callee.Instances.Length * _step, loss));
                    }
                }
            }
        }

        return edges;
    }

    private void EmitGolden(IntervalModel model, int i, List<GoldenSample> into)
    {
        var instance = _world.Instances[i];
        var service = _world.Services[instance.Service];
        foreach (var o in service.Operations)
        {
            var op = _world.Operations[o];
            var mixture = model.Server[o][instance.Ordinal];
            foreach (var (caller, rate) in op.Callers)
            {
                var n = _noise.Count(rate * model.Traffic * model.Served[i] * _step);
                if (n > 0)
                {
                    var name = caller < 0 ? Callers.External : _world.Services[caller].Name;
                    into.Add(new GoldenSample(service.Name, op.Name, instance.Name, name, Stats(n, mixture, op.ClientErrorRate)));
                }
            }
        }
    }

    private void EmitCalls(IntervalModel model, int i, List<CallSample> into)
    {
        var instance = _world.Instances[i];
        var service = _world.Services[instance.Service];
        for (var p = 0; p < service.PlanOperations.Length; p++)
        {
            var op = _world.Operations[service.PlanOperations[p]];
            var n = _noise.Count(service.PlanRates[p] * model.Traffic * model.Served[i] * _step);
            if (n > 0)
            {
                var callee = _world.Services[op.Service].Name;
                into.Add(new CallSample(service.Name, instance.Name, callee, op.Name, Stats(n, model.Client[i][p], op.ClientErrorRate)));
            }
        }
    }

    private void EmitNetwork(IntervalModel model, int i, List<NetworkSample> into)
    {
        var instance = _world.Instances[i];
        var service = _world.Services[instance.Service];
        for (var m = 0; m < service.CalleeServices.Length; m++)
        {
            var callee = _world.Services[service.CalleeServices[m]];
            var perReplica = service.CalleeRates[m] * model.Traffic * model.Served[i] / callee.Instances.Length * _step;
            foreach (var j in callee.Instances)
            {
                var refused = model.Refused[j];
                var loss = model.LossBetween(i, j);

                // Pooled keep-alive connections: a few new ones a minute; a refusing peer makes every request try anew.
                var failures = refused >= 1 ? _noise.Count(perReplica) : refused > 0 ? _noise.Count(2 + (perReplica * refused * 0.1)) : 0;
                var resets = refused >= 1 ? failures : refused > 0 ? _noise.Count(3 + (perReplica * refused * 0.05)) : 0;
                var delivered = perReplica * (1 - refused);
                var connects = refused >= 1 ? 0 : _noise.Count((0.05 * _step) + (delivered * 0.001));
                var retransmits = loss > 0 ? _noise.Binomial((long)(delivered * 3), loss) : 0;
                var rttSamples = _noise.Count((delivered * 2) + 5);
                var rtt = _world.Rtt(i, j) * (1 + (10 * loss)) * Math.Max(0.5, 1 + (0.05 * _noise.Gaussian()));
                var jitter = Math.Max(0.5, 1 + (0.02 * _noise.Gaussian()));
                into.Add(new NetworkSample(
                    instance.Name,
                    _world.Instances[j].Name,
                    connects,
                    failures,
                    retransmits,
                    rtt * rttSamples,
                    rttSamples,
                    resets,
                    retransmits / 4,
                    (long)(delivered * service.CalleeRequestBytes[m] * jitter),
                    (long)(delivered * service.CalleeResponseBytes[m] * jitter)));
            }
        }
    }

    private void EmitResources(IntervalModel model, int i, List<ResourceSample> into)
    {
        var instance = _world.Instances[i];
        var service = _world.Services[instance.Service];
        var cpu = model.InstanceCpu[i] * _step * Math.Max(0.1, 1 + (0.04 * _noise.Gaussian()));
        var memory = model.Memory[i] * Math.Max(0.5, 1 + (0.01 * _noise.Gaussian()));
        into.Add(new ResourceSample(
            ResourceKind.Instance,
            instance.Name,
            cpu,
            service.CpuLimitCores,
            (long)(Math.Min(memory, 0.999) * service.MemoryLimitBytes),
            service.MemoryLimitBytes,
            model.InstanceRunQueue[i] * _step * Math.Max(0.1, 1 + (0.1 * _noise.Gaussian())),
            model.OomKills[i]));
    }

    private void EmitNode(IntervalModel model, int n, List<ResourceSample> into)
    {
        long memory = 2L << 30;
        var ooms = 0L;
        foreach (var r in into)
        {
            memory += r.MemoryBytes;
            ooms += r.OomKills;
        }

        var cores = _world.NodeCores[n];
        var cpu = Math.Min(cores * _step, model.NodeCpu[n] * _step * Math.Max(0.1, 1 + (0.02 * _noise.Gaussian())));
        into.Add(new ResourceSample(
            ResourceKind.Node,
            _world.Nodes[n],
            cpu,
            cores,
            Math.Min(memory, _world.NodeMemoryBytes[n]),
            _world.NodeMemoryBytes[n],
            model.NodeRunQueue[n] * _step * Math.Max(0.1, 1 + (0.1 * _noise.Gaussian())),
            ooms));
    }

    private RequestStats Stats(long n, LatencyMixture mixture, double clientErrorRate)
    {
        var counts = _noise.Multinomial(n, mixture.BucketProbabilities());
        var errors = _noise.Binomial(n, mixture.ErrorRate);
        var clientErrors = _noise.Binomial(n - errors, clientErrorRate);
        var sum = n * mixture.TotalMean * Math.Max(0.5, 1 + (0.02 * _noise.Gaussian() / Math.Sqrt(n)));
        return new RequestStats(n, errors, clientErrors, sum, counts);
    }
}
