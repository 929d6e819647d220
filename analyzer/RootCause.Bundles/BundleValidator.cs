using RootCause.Contracts;

namespace RootCause.Bundles;

/// <summary>
/// The checks JSON typing cannot make: non-negative counts, finite numbers, histogram length, names that
/// refer to declared things. Throws on the first problem with its JSON path, so nothing half-valid escapes.
/// </summary>
public static class BundleValidator
{
    internal static void Validate(IncidentBundle bundle)
    {
        if (!string.Equals(bundle.Format, IncidentBundle.FormatId, StringComparison.Ordinal))
        {
            throw Fail("$.format", $"expected \"{IncidentBundle.FormatId}\", found \"{bundle.Format}\"");
        }

        if (bundle.Version != IncidentBundle.CurrentVersion)
        {
            throw UnsupportedVersion(bundle.Version);
        }

        ValidateTopology(bundle.Topology);
        if (bundle.Batches.Count == 0)
        {
            throw Fail("$.batches", "a bundle needs at least one batch");
        }

        for (var i = 0; i < bundle.Batches.Count; i++)
        {
            ValidateBatch(bundle.Batches[i], $"$.batches[{i}]");
        }

        ValidateSymptom(bundle.Alert, "$.alert");
        if (bundle.Truth is { } truth)
        {
            NotBlank(truth.Name, "$.truth.name");
            NotBlank(truth.FaultClass, "$.truth.faultClass");
            if (truth.DurationSeconds is { } d && (!double.IsFinite(d) || d < 0))
            {
                throw Fail("$.truth.durationSeconds", $"must be a finite number >= 0, found {d}");
            }
        }
    }

    internal static void ValidateBatches(IReadOnlyList<MetricBatch> batches)
    {
        for (var i = 0; i < batches.Count; i++)
        {
            ValidateBatch(batches[i], $"$[{i}]");
        }
    }

    internal static BundleFormatException UnsupportedVersion(long version) =>
        Fail("$.version", $"unsupported bundle version {version}; this build reads version {IncidentBundle.CurrentVersion}");

    internal static BundleFormatException Fail(string path, string problem) => new($"{path}: {problem}", path, null);

    private static void ValidateTopology(BundleTopology topology)
    {
        var services = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < topology.Services.Count; i++)
        {
            var path = $"$.topology.services[{i}].name";
            NotBlank(topology.Services[i].Name, path);
            if (!services.Add(topology.Services[i].Name))
            {
                throw Fail(path, $"service \"{topology.Services[i].Name}\" is declared twice");
            }
        }

        var nodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < topology.Nodes.Count; i++)
        {
            NotBlank(topology.Nodes[i], $"$.topology.nodes[{i}]");
            nodes.Add(topology.Nodes[i]);
        }

        var instances = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < topology.Instances.Count; i++)
        {
            var instance = topology.Instances[i];
            var path = $"$.topology.instances[{i}]";
            NotBlank(instance.Name, path + ".name");
            if (!instances.Add(instance.Name))
            {
                throw Fail(path + ".name", $"instance \"{instance.Name}\" is declared twice");
            }

            if (!services.Contains(instance.Service))
            {
                throw Fail(path + ".service", $"service \"{instance.Service}\" is not declared in $.topology.services");
            }

            if (!nodes.Contains(instance.Node))
            {
                throw Fail(path + ".node", $"node \"{instance.Node}\" is not declared in $.topology.nodes");
            }
        }

        for (var i = 0; i < topology.Calls.Count; i++)
        {
            var call = topology.Calls[i];
            if (!services.Contains(call.Caller))
            {
                throw Fail($"$.topology.calls[{i}].caller", $"service \"{call.Caller}\" is not declared in $.topology.services");
            }

            // A callee may be an external endpoint ("api.stripe.com:443"), so only its presence is checked.
            NotBlank(call.Callee, $"$.topology.calls[{i}].callee");
        }
    }

    /// <summary>The first problem of a batch from outside (an upload, the bus), or null when it is sound.</summary>
    public static string? Problem(MetricBatch? batch, string path = "$")
    {
        try
        {
            ValidateBatch(batch, path);
            return null;
        }
        catch (BundleFormatException e)
        {
            return e.Message;
        }
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
        if (!double.IsFinite(batch.IntervalSeconds) || batch.IntervalSeconds <= 0 || batch.IntervalSeconds > 86_400)
        {
            throw Fail(path + ".intervalSeconds", $"must be in (0, 86400] seconds, found {batch.IntervalSeconds}");
        }

        for (var i = 0; i < batch.Instances.Count; i++)
        {
            var p = $"{path}.instances[{i}]";
            NotBlank(batch.Instances[i].Instance, p + ".instance");
            NotBlank(batch.Instances[i].Service, p + ".service");
            NotBlank(batch.Instances[i].Node, p + ".node");
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

    private static void ValidateSymptom(Symptom symptom, string path)
    {
        NotBlank(symptom.Service, path + ".service");
        NotBlank(symptom.Source, path + ".source");
        if (!Kpis.All.Contains(symptom.Kpi, StringComparer.Ordinal))
        {
            throw Fail(path + ".kpi", $"unknown KPI \"{symptom.Kpi}\"; expected one of {string.Join(", ", Kpis.All)}");
        }
    }

    /// <summary>Longest name (service, instance, node, operation) accepted from outside.</summary>
    public const int MaxNameLength = 1024;

    private static void NotBlank(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Fail(path, "must not be empty");
        }

        if (value.Length > MaxNameLength)
        {
            throw Fail(path, $"is {value.Length} characters long; at most {MaxNameLength} are allowed");
        }

        if (value.Any(char.IsControl))
        {
            throw Fail(path, "contains control characters");
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
}
