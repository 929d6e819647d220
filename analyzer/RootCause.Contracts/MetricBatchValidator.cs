namespace RootCause.Contracts;

/// <summary>
/// The checks JSON typing cannot make on a <see cref="MetricBatch"/>: lists present, non-negative counts,
/// finite numbers, histogram length, names that are not blank, huge or full of control characters. The one
/// validation of a batch, whatever brought it (an upload, the bus, a bundle); the first problem is named by
/// its JSON path, so nothing half-valid escapes.
/// </summary>
public static class MetricBatchValidator
{
    /// <summary>Longest name (service, instance, node, operation) accepted from outside.</summary>
    public const int MaxNameLength = 1024;

    /// <summary>Longest interval a batch may cover.</summary>
    public const double MaxIntervalSeconds = 86_400;

    /// <summary>The first problem of a batch as "path: problem", or null when it is sound.</summary>
    public static string? Problem(MetricBatch? batch, string path = "$") => Check(batch, path)?.ToString();

    /// <summary>The first problem of a batch, or null when it is sound.</summary>
    public static WireProblem? Check(MetricBatch? batch, string path = "$")
    {
        try
        {
            ValidateBatch(batch, path);
            return null;
        }
        catch (InvalidBatchException e)
        {
            return e.Problem;
        }
    }

    /// <summary>Why <paramref name="value"/> is not an acceptable name (blank, too long, control characters), or null.</summary>
    public static WireProblem? NameProblem(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new WireProblem(path, "must not be empty");
        }

        if (value.Length > MaxNameLength)
        {
            return new WireProblem(path, $"is {value.Length} characters long; at most {MaxNameLength} are allowed");
        }

        return value.Any(char.IsControl) ? new WireProblem(path, "contains control characters") : null;
    }

    private static void ValidateBatch(MetricBatch? batch, string path)
    {
        if (batch is null)
        {
            throw Fail(path, "a batch is null");
        }

        // Messages from the bus are not shaped by the JSON reader: every list may be missing.
        Present(batch.Instances, path + ".instances");
        Present(batch.Golden, path + ".golden");
        Present(batch.Calls, path + ".calls");
        Present(batch.Network, path + ".network");
        Present(batch.Resources, path + ".resources");
        NotBlank(batch.AgentId, path + ".agentId");
        if (batch.IntervalStart.Year is < 1970 or > 9000)
        {
            throw Fail(path + ".intervalStart", $"{batch.IntervalStart:O} is outside the supported years 1970 to 9000");
        }

        NotBlank(batch.Node, path + ".node");
        if (!double.IsFinite(batch.IntervalSeconds) || batch.IntervalSeconds <= 0 || batch.IntervalSeconds > MaxIntervalSeconds)
        {
            throw Fail(path + ".intervalSeconds", $"must be in (0, {MaxIntervalSeconds}] seconds, found {batch.IntervalSeconds}");
        }

        for (var i = 0; i < batch.Instances.Count; i++)
        {
            var p = $"{path}.instances[{i}]";
            NotBlank(batch.Instances[i].Instance, p + ".instance");
            NotBlank(batch.Instances[i].Service, p + ".service");
            NotBlank(batch.Instances[i].Node, p + ".node");
            if (!Enum.IsDefined(batch.Instances[i].Kind))
            {
                throw Fail(p + ".kind", $"unknown service kind {(int)batch.Instances[i].Kind}");
            }
        }

        for (var i = 0; i < batch.Golden.Count; i++)
        {
            var g = batch.Golden[i];
            var p = $"{path}.golden[{i}]";
            NotBlank(g.Service, p + ".service");
            NotBlank(g.Operation, p + ".operation");
            NotBlank(g.Instance, p + ".instance");
            NotBlank(g.Caller, p + ".caller");
            ValidateStats(g.Stats, p + ".stats");
        }

        for (var i = 0; i < batch.Calls.Count; i++)
        {
            var c = batch.Calls[i];
            var p = $"{path}.calls[{i}]";
            NotBlank(c.Caller, p + ".caller");
            NotBlank(c.CallerInstance, p + ".callerInstance");
            NotBlank(c.Callee, p + ".callee");
            NotBlank(c.Operation, p + ".operation");
            ValidateStats(c.Stats, p + ".stats");
        }

        for (var i = 0; i < batch.Network.Count; i++)
        {
            var n = batch.Network[i];
            var p = $"{path}.network[{i}]";
            NotBlank(n.SourceInstance, p + ".sourceInstance");
            NotBlank(n.Destination, p + ".destination");
            NonNegative(n.Connects, p + ".connects");
            NonNegative(n.ConnectFailures, p + ".connectFailures");
            NonNegative(n.Retransmits, p + ".retransmits");
            NonNegative(n.RttSumSeconds, p + ".rttSumSeconds");
            NonNegative(n.RttSamples, p + ".rttSamples");
            NonNegative(n.Resets, p + ".resets");
            NonNegative(n.Drops, p + ".drops");
            NonNegative(n.BytesSent, p + ".bytesSent");
            NonNegative(n.BytesReceived, p + ".bytesReceived");
        }

        for (var i = 0; i < batch.Resources.Count; i++)
        {
            var r = batch.Resources[i];
            var p = $"{path}.resources[{i}]";
            NotBlank(r.Id, p + ".id");
            NonNegative(r.CpuSeconds, p + ".cpuSeconds");
            NonNegative(r.CpuLimitCores, p + ".cpuLimitCores");
            NonNegative(r.MemoryBytes, p + ".memoryBytes");
            NonNegative(r.MemoryLimitBytes, p + ".memoryLimitBytes");
            NonNegative(r.RunQueueDelaySeconds, p + ".runQueueDelaySeconds");
            NonNegative(r.OomKills, p + ".oomKills");
        }
    }

    private static void ValidateStats(RequestStats? stats, string path)
    {
        if (stats is null)
        {
            throw Fail(path, "required");
        }

        Present(stats.LatencyCounts, path + ".latencyCounts");
        NonNegative(stats.Requests, path + ".requests");
        NonNegative(stats.Errors, path + ".errors");
        NonNegative(stats.ClientErrors, path + ".clientErrors");
        NonNegative(stats.LatencySumSeconds, path + ".latencySumSeconds");
        if (stats.LatencyCounts.Count != LatencyBuckets.Count)
        {
            throw Fail(path + ".latencyCounts", $"has {stats.LatencyCounts.Count} buckets, expected {LatencyBuckets.Count} (one per LatencyBuckets bound)");
        }

        for (var i = 0; i < stats.LatencyCounts.Count; i++)
        {
            NonNegative(stats.LatencyCounts[i], $"{path}.latencyCounts[{i}]");
        }
    }

    private static void NotBlank(string? value, string path)
    {
        if (NameProblem(value, path) is { } problem)
        {
            throw new InvalidBatchException(problem);
        }
    }

    private static void Present<T>(IReadOnlyList<T?>? items, string path)
    {
        if (items is null)
        {
            throw Fail(path, "required (use [] when empty)");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw Fail($"{path}[{i}]", "null; expected a value");
            }
        }
    }

    private static void NonNegative(long value, string path)
    {
        if (value < 0)
        {
            throw Fail(path, $"must be >= 0, found {value}");
        }
    }

    private static void NonNegative(double value, string path)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw Fail(path, $"must be a finite number >= 0, found {value}");
        }
    }

    private static InvalidBatchException Fail(string path, string problem) => new(new WireProblem(path, problem));

    /// <summary>Carries the first problem out of the nested checks; never leaves this class.</summary>
    private sealed class InvalidBatchException(WireProblem problem) : Exception(problem.ToString())
    {
        public WireProblem Problem { get; } = problem;
    }
}
