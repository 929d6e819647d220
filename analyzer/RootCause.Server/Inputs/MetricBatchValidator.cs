using RootCause.Contracts;

namespace RootCause.Server.Inputs;

/// <summary>
/// Checks a <see cref="MetricBatch"/> from outside (HTTP upload or the bus) before it reaches the store: required
/// names, finite non-negative figures, histograms with the shared bucket layout. Returns the first problem.
/// </summary>
internal static class MetricBatchValidator
{
    public const double MaxIntervalSeconds = 3600;

    public static string? Validate(MetricBatch? batch, string path = "$")
    {
        if (batch is null)
        {
            return $"{path}: a batch is null.";
        }

        return Name(batch.AgentId, path + ".agentId")
            ?? Name(batch.Node, path + ".node")
            ?? Interval(batch, path)
            ?? Each(batch.Instances, path + ".instances", Instance)
            ?? Each(batch.Golden, path + ".golden", Golden)
            ?? Each(batch.Calls, path + ".calls", Call)
            ?? Each(batch.Network, path + ".network", Network)
            ?? Each(batch.Resources, path + ".resources", Resource);
    }

    private static string? Interval(MetricBatch batch, string path)
    {
        if (!double.IsFinite(batch.IntervalSeconds) || batch.IntervalSeconds <= 0 || batch.IntervalSeconds > MaxIntervalSeconds)
        {
            return $"{path}.intervalSeconds: must be a number in (0, {MaxIntervalSeconds}].";
        }

        return batch.IntervalStart < SymptomFields.Earliest || batch.IntervalStart > SymptomFields.Latest
            ? $"{path}.intervalStart: outside the supported range (1970 to 9000)."
            : null;
    }

    private static string? Instance(InstanceInfo i, string path) =>
        Name(i.Instance, path + ".instance") ?? Name(i.Service, path + ".service") ?? Name(i.Node, path + ".node")
        ?? (i.Address is null ? null : Name(i.Address, path + ".address"))
        ?? (Enum.IsDefined(i.Kind) ? null : $"{path}.kind: unknown service kind.");

    private static string? Golden(GoldenSample g, string path) =>
        Name(g.Service, path + ".service") ?? Operation(g.Operation, path + ".operation") ?? Name(g.Instance, path + ".instance")
        ?? Name(g.Caller, path + ".caller") ?? Stats(g.Stats, path + ".stats");

    private static string? Call(CallSample c, string path) =>
        Name(c.Caller, path + ".caller") ?? Name(c.CallerInstance, path + ".callerInstance") ?? Name(c.Callee, path + ".callee")
        ?? Operation(c.Operation, path + ".operation") ?? Stats(c.Stats, path + ".stats");

    private static string? Network(NetworkSample n, string path) =>
        Name(n.SourceInstance, path + ".sourceInstance") ?? Name(n.Destination, path + ".destination")
        ?? Count(n.Connects, path + ".connects") ?? Count(n.ConnectFailures, path + ".connectFailures")
        ?? Count(n.Retransmits, path + ".retransmits") ?? Figure(n.RttSumSeconds, path + ".rttSumSeconds")
        ?? Count(n.RttSamples, path + ".rttSamples") ?? Count(n.Resets, path + ".resets") ?? Count(n.Drops, path + ".drops")
        ?? Count(n.BytesSent, path + ".bytesSent") ?? Count(n.BytesReceived, path + ".bytesReceived");

    private static string? Resource(ResourceSample r, string path) =>
        (Enum.IsDefined(r.Kind) ? null : $"{path}.kind: unknown resource kind.")
        ?? Name(r.Id, path + ".id") ?? Figure(r.CpuSeconds, path + ".cpuSeconds") ?? Figure(r.CpuLimitCores, path + ".cpuLimitCores")
        ?? Count(r.MemoryBytes, path + ".memoryBytes") ?? Count(r.MemoryLimitBytes, path + ".memoryLimitBytes")
        ?? Figure(r.RunQueueDelaySeconds, path + ".runQueueDelaySeconds") ?? Count(r.OomKills, path + ".oomKills");

    private static string? Stats(RequestStats? s, string path)
    {
        if (s is null)
        {
            return $"{path}: required.";
        }

        if ((Count(s.Requests, path + ".requests") ?? Count(s.Errors, path + ".errors") ?? Count(s.ClientErrors, path + ".clientErrors")
            ?? Figure(s.LatencySumSeconds, path + ".latencySumSeconds")) is { } error)
        {
            return error;
        }

        if (s.LatencyCounts is null || s.LatencyCounts.Count != LatencyBuckets.Count)
        {
            return $"{path}.latencyCounts: must have exactly {LatencyBuckets.Count} buckets (one per bound of LatencyBuckets), not {s.LatencyCounts?.Count ?? 0}.";
        }

        for (var i = 0; i < s.LatencyCounts.Count; i++)
        {
            if (s.LatencyCounts[i] < 0)
            {
                return $"{path}.latencyCounts[{i}]: must not be negative.";
            }
        }

        return null;
    }

    private static string? Each<T>(IReadOnlyList<T>? items, string path, Func<T, string, string?> check)
        where T : class
    {
        if (items is null)
        {
            return $"{path}: required (use [] when empty).";
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if ((items[i] is null ? $"{itemPath}: null; expected an object." : check(items[i], itemPath)) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static string? Name(string? value, string path) =>
        string.IsNullOrWhiteSpace(value) ? $"{path}: required, non-empty."
        : SymptomFields.CheckName("The name", value, SymptomFields.MaxNameLength, path) is { } error ? $"{path}: {error}" : null;

    private static string? Operation(string? value, string path) =>
        value is null ? $"{path}: required."
        : SymptomFields.CheckName("The operation", value, SymptomFields.MaxOperationLength, path) is { } error ? $"{path}: {error}" : null;

    private static string? Count(long value, string path) => value < 0 ? $"{path}: must not be negative." : null;

    private static string? Figure(double value, string path) =>
        double.IsFinite(value) && value >= 0 ? null : $"{path}: must be a finite, non-negative number.";
}
