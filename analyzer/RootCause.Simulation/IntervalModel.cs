using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Simulation;

/// <summary>
/// The expected state of the whole system in one interval, before sampling noise: who serves how much,
/// CPU and memory, and the latency/error distribution of every operation on every instance (server side)
/// and of every call from every instance (client side, network included). Faults enter here and propagate
/// through the call graph because callers are computed from their callees' distributions.
/// </summary>
internal sealed class IntervalModel
{
    /// <summary>Share of refused requests a client retries on another replica; the rest fail upstream.</summary>
    private const double RetryShare = 0.6;

    /// <summary>Client backoff before that retry, seconds.</summary>
    private const double RetryBackoff = 0.1;

    /// <summary>Share of an interval an OOM-killed instance is down while it restarts.</summary>
    private const double RestartDowntime = 0.2;

    /// <summary>Share of downstream failures a caller turns into its own failures (the rest: fallbacks, retries).</summary>
    private const double ErrorPropagation = 0.7;

    /// <summary>Linux's minimum retransmission timeout: what one lost segment costs a request.</summary>
    private const double RetransmitTimeout = 0.2;

    private readonly World _world;

    public IntervalModel(World world, FaultPlan? plan, int t, double traffic)
    {
        _world = world;
        Fault = plan is not null && plan.ActiveAt(t) ? plan : null;
        Traffic = traffic;
        var instances = world.Instances.Length;
        Memory = new double[instances];
        OomKills = new int[instances];
        Refused = new double[instances];
        Served = new double[instances];
        InstanceCpu = new double[instances];
        InstanceRunQueue = new double[instances];
        Slowdown = new double[instances];
        WakeupDelay = new double[instances];
        NodeCpu = new double[world.Nodes.Length];
        NodeUtilization = new double[world.Nodes.Length];
        NodeRunQueue = new double[world.Nodes.Length];
        Server = new LatencyMixture[world.Operations.Length][];
        Client = new LatencyMixture[instances][];

        var gc = new double[instances];
        foreach (var i in world.Instances)
        {
            Memory[i.Index] = i.MemoryBaseFraction;
            gc[i.Index] = 1;
        }

        if (Fault is { Kind: FaultKind.MemoryPressure } leak)
        {
            var (fraction, kills) = leak.Memory(t, world.Instances[leak.Instance].MemoryBaseFraction);
            Memory[leak.Instance] = fraction;
            OomKills[leak.Instance] = kills;
            if (kills > 0)
            {
                Refused[leak.Instance] = RestartDowntime;
            }

            // Garbage collection thrashes once the heap nears its limit; the interval's worst level counts.
            var peak = kills > 0 ? 1.0 : fraction;
            gc[leak.Instance] = peak > 0.85 ? 1 + (3 * (peak - 0.85) / 0.15) : 1;
        }

        if (Fault is { Kind: FaultKind.ConnectionFailures } refusing)
        {
            Refused[refusing.Instance] = 1;
        }

        ComputeShares();
        ComputeCpu(gc);
        foreach (var s in world.CalleesFirst)
        {
            ComputeLatency(world.Services[s]);
        }
    }

    public FaultPlan? Fault { get; }

    public double Traffic { get; }

    /// <summary>Memory of each instance as a share of its limit, at the end of the interval.</summary>
    public double[] Memory { get; }

    public int[] OomKills { get; }

    /// <summary>Share of connection attempts each instance refuses.</summary>
    public double[] Refused { get; }

    /// <summary>Share of its service's requests each instance serves.</summary>
    public double[] Served { get; }

    /// <summary>Cores each instance uses.</summary>
    public double[] InstanceCpu { get; }

    /// <summary>Run-queue delay of each instance, seconds per second.</summary>
    public double[] InstanceRunQueue { get; }

    /// <summary>Factor on each instance's own processing time (CPU contention, GC).</summary>
    public double[] Slowdown { get; }

    /// <summary>
    /// Seconds an instance waits for a CPU each time a downstream response wakes it up; on a saturated node
    /// this, not the own processing time, is what makes call-heavy services slow.
    /// </summary>
    public double[] WakeupDelay { get; }

    /// <summary>Cores used on each node, a CPU hog included.</summary>
    public double[] NodeCpu { get; }

    public double[] NodeUtilization { get; }

    public double[] NodeRunQueue { get; }

    /// <summary>Server-side latency of each operation on each instance of its service (by ordinal).</summary>
    public LatencyMixture[][] Server { get; }

    /// <summary>Client-side latency of each instance's calls, by its service's plan index.</summary>
    public LatencyMixture[][] Client { get; }

    public double LossBetween(int i, int j) => Fault?.LossBetween(_world, i, j) ?? 0;

    /// <summary>The entry service's expected p99 and error ratio, as a monitoring system would compute them.</summary>
    public (double P99, double ErrorRate) EntryExpected()
    {
        var aggregate = new RequestAggregate();
        var entry = _world.Entry;
        foreach (var o in entry.Operations)
        {
            var op = _world.Operations[o];
            foreach (var i in entry.Instances)
            {
                var ordinal = _world.Instances[i].Ordinal;
                var mixture = Server[o][ordinal];
                var n = op.Rate * Served[i] * 1e4;
                var counts = mixture.BucketProbabilities().Select(p => (long)Math.Round(n * p)).ToArray();
                aggregate.Add(new RequestStats((long)n, (long)(n * mixture.ErrorRate), 0, n * mixture.TotalMean, counts));
            }
        }

        return (aggregate.Quantile(0.99), aggregate.ErrorRatio);
    }

    private void ComputeShares()
    {
        foreach (var s in _world.Services)
        {
            var k = s.Instances.Length;
            var refusedTotal = 0.0;
            var open = 0.0;
            foreach (var i in s.Instances)
            {
                refusedTotal += Refused[i] / k;
                open += 1 - Refused[i];
            }

            // Refused requests that are retried land on the replicas that accept connections.
            var retried = open > 0 ? refusedTotal * RetryShare : 0;
            foreach (var i in s.Instances)
            {
                var accepted = (1 - Refused[i]) / k;
                Served[i] = accepted + (open > 0 ? retried * (1 - Refused[i]) / open : 0);
            }
        }
    }

    private void ComputeCpu(double[] gc)
    {
        foreach (var i in _world.Instances)
        {
            var s = _world.Services[i.Service];
            InstanceCpu[i.Index] = (0.02 + (s.CpuSecondsPerRequest * s.Rate * Traffic * Served[i.Index])) * (1 + ((gc[i.Index] - 1) * 0.5));
        }

        for (var n = 0; n < _world.Nodes.Length; n++)
        {
            var cores = _world.NodeCores[n];
            var demand = 0.3;
            foreach (var i in _world.InstancesOnNode[n])
            {
                demand += InstanceCpu[i];
            }

            if (Fault is { Kind: FaultKind.CpuSaturation } hog && hog.Node == n)
            {
                // A runaway process (batch job, crypto-miner, stuck loop) wants more cores than the node has.
                demand += cores * 0.75 * hog.Intensity;
            }

            var u = Math.Min(0.99, demand / cores);
            NodeUtilization[n] = u;
            NodeCpu[n] = Math.Min(demand, cores);

            // M/M/c-like growth of waiting as the node fills; negligible at normal load, steep near 1.
            NodeRunQueue[n] = Math.Min(cores * 10, cores * 0.05 * u * u / (1 - u));
            var slowdown = 1 + (0.2 * u / (1 - u));
            var instanceDemand = demand - 0.3;
            foreach (var i in _world.InstancesOnNode[n])
            {
                Slowdown[i] = slowdown * gc[i];
                WakeupDelay[i] = 0.001 * (slowdown - 1);
                InstanceRunQueue[i] = instanceDemand > 0 ? NodeRunQueue[n] * InstanceCpu[i] / demand : 0;
            }
        }
    }

    private void ComputeLatency(SimService service)
    {
        var fault = Fault;
        var slowFactor = 1.0;
        var slowAdd = 0.0;
        var extraErrors = 0.0;
        if (fault is not null && fault.Service == service.Index)
        {
            switch (fault.Kind)
            {
                case FaultKind.SlowService:
                    slowFactor = 1 + (2 * fault.Intensity);
                    slowAdd = 0.25 * fault.Intensity;
                    break;
                case FaultKind.SlowDatabase:
                    slowFactor = 1 + (4 * fault.Intensity);
                    slowAdd = 0.08 * fault.Intensity;
                    break;
                case FaultKind.ErrorBurst:
                    extraErrors = Math.Min(1, 0.35 * fault.Intensity);
                    break;
            }
        }

        foreach (var o in service.Operations)
        {
            Server[o] = new LatencyMixture[service.Instances.Length];
        }

        foreach (var i in service.Instances)
        {
            var calls = new LatencyMixture[service.PlanOperations.Length];
            for (var p = 0; p < calls.Length; p++)
            {
                calls[p] = ClientView(i, service.PlanOperations[p]);
            }

            Client[i] = calls;
            var ordinal = _world.Instances[i].Ordinal;
            foreach (var o in service.Operations)
            {
                var op = _world.Operations[o];
                var mean = (op.OwnSeconds * Slowdown[i] * slowFactor) + slowAdd;
                foreach (var call in op.Calls)
                {
                    mean += call.PerRequest * (calls[call.Plan].Mean + WakeupDelay[i]);
                }

                var mixture = new LatencyMixture(mean, op.Sigma);
                var ok = (1 - op.ErrorRate) * (1 - extraErrors) * (OomKills[i] > 0 ? 0.97 : 1);
                foreach (var call in op.Calls)
                {
                    var downstream = calls[call.Plan];
                    for (var c = 0; c < downstream.Count; c++)
                    {
                        mixture.AddSlowPath(Math.Min(1, downstream.WeightAt(c) * call.PerRequest), downstream.DelayAt(c));
                    }

                    ok *= Math.Pow(1 - (ErrorPropagation * downstream.ErrorRate), call.PerRequest);
                }

                mixture.ErrorRate = Math.Clamp(1 - ok, 0, 1);
                Server[o][ordinal] = mixture;
            }
        }
    }

    /// <summary>What instance <paramref name="from"/> sees when it calls <paramref name="operation"/>: a mix over the callee's replicas.</summary>
    private LatencyMixture ClientView(int from, int operation)
    {
        var op = _world.Operations[operation];
        var callee = _world.Services[op.Service];
        var k = callee.Instances.Length;
        var servers = Server[operation];

        // The body is what healthy replicas give; a replica much slower than the fastest is a slow path.
        var fastest = double.MaxValue;
        foreach (var j in callee.Instances)
        {
            fastest = Math.Min(fastest, servers[_world.Instances[j].Ordinal].Mean + _world.Rtt(from, j));
        }

        var healthyLimit = (1.5 * fastest) + 0.002;
        var body = 0.0;
        var healthy = 0;
        foreach (var j in callee.Instances)
        {
            var v = servers[_world.Instances[j].Ordinal].Mean + _world.Rtt(from, j);
            if (v <= healthyLimit)
            {
                body += v;
                healthy++;
            }
        }

        body /= Math.Max(healthy, 1);
        var view = new LatencyMixture(body, op.Sigma);
        var errors = 0.0;
        var retry = k > 1 ? RetryShare : 0;
        foreach (var j in callee.Instances)
        {
            var share = 1.0 / k;
            var server = servers[_world.Instances[j].Ordinal];
            var accepted = share * (1 - Refused[j]);
            var extra = server.Mean + _world.Rtt(from, j) > healthyLimit ? server.Mean + _world.Rtt(from, j) - body : 0;
            if (extra > 0)
            {
                view.AddSlowPath(accepted * (1 - server.TotalWeight), extra);
            }

            for (var c = 0; c < server.Count; c++)
            {
                view.AddSlowPath(accepted * server.WeightAt(c), server.DelayAt(c) + extra);
            }

            errors += accepted * server.ErrorRate;
            var loss = LossBetween(from, j);
            if (loss > 0)
            {
                // A request and its response are a handful of segments; each loss costs a retransmission timeout,
                // a second loss doubles it (exponential backoff), and a few requests time out.
                var hit = 1 - Math.Pow(1 - loss, 6);
                view.AddSlowPath(accepted * hit * (1 - hit), RetransmitTimeout + extra);
                view.AddSlowPath(accepted * hit * hit, (3 * RetransmitTimeout) + extra);
                errors += accepted * hit * hit * 0.1;
            }

            if (Refused[j] > 0)
            {
                var refused = share * Refused[j];
                view.AddSlowPath(refused * retry, RetryBackoff + body);
                errors += refused * (1 - retry);
            }
        }

        view.ErrorRate = Math.Clamp(errors, 0, 1);
        return view;
    }
}
