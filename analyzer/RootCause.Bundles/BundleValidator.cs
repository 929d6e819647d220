using RootCause.Contracts;

namespace RootCause.Bundles;

/// <summary>
/// The checks JSON typing cannot make on a bundle: names that refer to declared things, a known format and
/// version; its batches get the contracts' one batch validation (<see cref="MetricBatchValidator"/>). Throws on
/// the first problem with its JSON path, so nothing half-valid escapes.
/// </summary>
internal static class BundleValidator
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

    private static void ValidateBatch(MetricBatch? batch, string path)
    {
        if (MetricBatchValidator.Check(batch, path) is { } problem)
        {
            throw Fail(problem.Path, problem.Problem);
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

    private static void NotBlank(string? value, string path)
    {
        if (MetricBatchValidator.NameProblem(value, path) is { } problem)
        {
            throw Fail(problem.Path, problem.Problem);
        }
    }
}
